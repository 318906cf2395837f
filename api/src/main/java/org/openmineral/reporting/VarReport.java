package org.openmineral.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.risk.HistoricalScenarios;
import org.openmineral.domain.risk.HistoricalVar;
import org.openmineral.domain.risk.PositionMark;
import org.openmineral.domain.risk.PriceHistory;
import org.openmineral.domain.risk.PricePosition;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.marketdata.MarketPrices;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.stereotype.Component;

/**
 * Historical-simulation VaR and expected shortfall of the open book: the net tonnes per metal of
 * the positions report (physical contained metal plus open hedges) revalued under every price move
 * of the metal's USD/t series of one market in the price store (the domain's {@link
 * HistoricalScenarios} and {@link HistoricalVar}, docs/domain-risk.md).
 */
@Component
class VarReport {
  private final PositionsReport positions;
  private final MarketPrices prices;

  VarReport(final PositionsReport positions, final MarketPrices prices) {
    this.positions = positions;
    this.prices = prices;
  }

  record Mark(
      String metal,
      BigDecimal netTonnes,
      String series,
      java.time.LocalDate priceDate,
      BigDecimal price,
      BigDecimal valueUsd) {}

  record Report(
      String desk,
      String market,
      BigDecimal confidence,
      int horizon,
      int scenarios,
      BigDecimal valueAtRiskUsd,
      BigDecimal expectedShortfallUsd,
      List<Mark> positions,
      String explanation) {}

  Report report(
      final String desk, final String market, final BigDecimal confidence, final int horizon) {
    final List<PricePosition> held = new ArrayList<>();
    final List<HistoricalPrices> history = new ArrayList<>();
    for (final PositionsReport.MetalTotal total : positions.report(desk).totals()) {
      if (total.netTonnes().signum() == 0) {
        continue;
      }
      final Element metal = Element.ofSymbol(total.metal());
      final PriceSeriesId id = PriceSeriesId.of(metal, market, PriceUnit.USD_PER_T);
      final PriceSeries series =
          prices
              .find(id)
              .orElseThrow(
                  () ->
                      new InvalidRequestField(
                          "market",
                          "no price series "
                              + id
                              + " for the open "
                              + total.metal()
                              + " position: import it (POST /api/market-data/imports) or choose"
                              + " another market"));
      held.add(new PricePosition(total.metal() + " net", metal, total.netTonnes()));
      history.add(HistoricalPrices.from(series));
    }
    if (held.isEmpty()) {
      return new Report(
          desk, market, confidence, horizon, 0, zero(), zero(), List.of(), "no open position");
    }
    final HistoricalVar var =
        HistoricalVar.of(
            HistoricalScenarios.of(held, PriceHistory.of(history), horizon), confidence);
    final List<Mark> marks = new ArrayList<>();
    for (final PositionMark mark : var.marks()) {
      marks.add(
          new Mark(
              mark.metal().symbol(),
              mark.quantity(),
              PriceSeriesId.of(mark.metal(), market, mark.unit()).toString(),
              mark.priceDate(),
              mark.price(),
              mark.value().setScale(2, RoundingMode.HALF_UP)));
    }
    return new Report(
        desk,
        market,
        confidence,
        horizon,
        var.scenarioCount(),
        var.valueAtRiskUsd().amount(),
        var.expectedShortfallUsd().amount(),
        List.copyOf(marks),
        var.explain());
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
