package org.openmineral.domain.predeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.forecasting.PriceForecast;
import org.openmineral.domain.forecasting.PriceForecaster;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.risk.DatedPrice;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.risk.ReturnVolatility;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.Rounding;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.Valuation;

/**
 * Analyses a {@link ProposedDeal} against the monthly price history of its metal:
 *
 * <ul>
 *   <li>trend: the last value, its change over 3 and 12 months, the 12-month average;
 *   <li>volatility: {@link ReturnVolatility} of the last 36 monthly returns, annualised by
 *       sqrt(12);
 *   <li>forecast band over the QP: the {@link PriceForecaster}'s monthly forecasts up to the QP's
 *       last month; QP months already published use their value;
 *   <li>valuation sensitivity: {@link ConcentrateValuer} at the QP point forecast moved by -10, -5,
 *       0, +5 and +10 %, other metals' prices held.
 * </ul>
 *
 * Pure and stateless: usable from the API, a worker or an agent tool.
 */
public final class PreDealAnalyst {
  /** The price moves of the sensitivity table, in percent. */
  public static final List<BigDecimal> MOVES =
      List.of(
          new BigDecimal("-10"),
          new BigDecimal("-5"),
          BigDecimal.ZERO,
          new BigDecimal("5"),
          new BigDecimal("10"));

  /** The furthest QP end a forecast is made for, in months after the last published value. */
  public static final int MAX_HORIZON = 24;

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final PriceForecaster forecaster;
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  public PreDealAnalyst(final PriceForecaster forecaster) {
    this.forecaster = forecaster;
  }

  /**
   * The analysis of {@code deal} on {@code history}, the monthly series of the deal's metal.
   *
   * @throws PreDealInputException if the series is of another metal, too short, or the QP is out of
   *     range
   */
  public PreDealAnalysis analyse(final ProposedDeal deal, final PriceSeries history) {
    if (history.id().metal() != deal.metal()) {
      throw new PreDealInputException(
          "metal", "the series " + history.id() + " does not price " + deal.metal().symbol());
    }
    final List<PriceFixing> fixings = history.fixings();
    if (fixings.size() < 37) {
      throw new PreDealInputException(
          "metal",
          history.id() + " holds " + fixings.size() + " months; the analysis needs at least 37");
    }
    final YearMonth lastMonth = YearMonth.from(fixings.getLast().date());
    final YearMonth firstMonth = YearMonth.from(fixings.getFirst().date());
    if (deal.qpFirst().isBefore(firstMonth)) {
      throw new PreDealInputException(
          "qpFirst", "the QP starts before the series' first month " + firstMonth);
    }
    final long horizon = ChronoUnit.MONTHS.between(lastMonth, deal.qpLast());
    if (horizon > MAX_HORIZON) {
      throw new PreDealInputException(
          "qpLast",
          "the QP ends "
              + horizon
              + " months after the last published price ("
              + lastMonth
              + "); forecasts go "
              + MAX_HORIZON
              + " months ahead at most");
    }

    final PriceForecast forecast = forecaster.forecast(history, (int) Math.max(1, horizon));
    final PreDealAnalysis.QpBand band = qpBand(deal, history, forecast);
    return new PreDealAnalysis(
        history.id(),
        history.provenance().attribution(),
        trend(fixings),
        volatility(history, fixings),
        forecast,
        band,
        sensitivities(deal, history, band.point()));
  }

  private static PreDealAnalysis.Trend trend(final List<PriceFixing> fixings) {
    final int n = fixings.size();
    final BigDecimal last = fixings.get(n - 1).value();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = n - 12; i < n; i++) {
      sum = sum.add(fixings.get(i).value());
    }
    return new PreDealAnalysis.Trend(
        YearMonth.from(fixings.get(n - 1).date()),
        last,
        changePct(fixings.get(n - 4).value(), last),
        changePct(fixings.get(n - 13).value(), last),
        Rounding.rate(sum.divide(BigDecimal.valueOf(12), Rounding.CALCULATION)));
  }

  private static BigDecimal changePct(final BigDecimal from, final BigDecimal to) {
    return to.divide(from, Rounding.CALCULATION)
        .subtract(BigDecimal.ONE)
        .multiply(HUNDRED)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static ReturnVolatility volatility(
      final PriceSeries history, final List<PriceFixing> fixings) {
    final List<DatedPrice> last37 =
        fixings.subList(fixings.size() - 37, fixings.size()).stream()
            .map(f -> new DatedPrice(f.date(), f.value()))
            .toList();
    return ReturnVolatility.of(
        new HistoricalPrices(history.id().metal(), history.id().unit(), last37), 12);
  }

  private static PreDealAnalysis.QpBand qpBand(
      final ProposedDeal deal, final PriceSeries history, final PriceForecast forecast) {
    BigDecimal point = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    BigDecimal upper = BigDecimal.ZERO;
    int months = 0;
    int published = 0;
    for (YearMonth m = deal.qpFirst(); !m.isAfter(deal.qpLast()); m = m.plusMonths(1)) {
      final var value = history.valueFor(m);
      if (value.isPresent()) {
        point = point.add(value.get());
        lower = lower.add(value.get());
        upper = upper.add(value.get());
        published++;
      } else {
        final YearMonth month = m;
        final PriceForecast.Month f =
            forecast
                .forMonth(m)
                .orElseThrow(
                    () ->
                        new PreDealInputException(
                            "qpFirst", "no published value and no forecast for " + month));
        point = point.add(f.point());
        lower = lower.add(f.lower());
        upper = upper.add(f.upper());
      }
      months++;
    }
    final BigDecimal n = BigDecimal.valueOf(months);
    return new PreDealAnalysis.QpBand(
        deal.qpFirst(),
        deal.qpLast(),
        Rounding.rate(point.divide(n, Rounding.CALCULATION)),
        Rounding.rate(lower.divide(n, Rounding.CALCULATION)),
        Rounding.rate(upper.divide(n, Rounding.CALCULATION)),
        published);
  }

  private List<PreDealAnalysis.Sensitivity> sensitivities(
      final ProposedDeal deal, final PriceSeries history, final BigDecimal qpPoint) {
    final List<PreDealAnalysis.Sensitivity> rows = new ArrayList<>();
    BigDecimal base = null;
    final List<Valuation> valuations = new ArrayList<>();
    final List<BigDecimal> prices = new ArrayList<>();
    for (final BigDecimal move : MOVES) {
      final BigDecimal price =
          Rounding.rate(
              qpPoint.multiply(
                  BigDecimal.ONE.add(move.divide(HUNDRED, Rounding.CALCULATION)),
                  Rounding.CALCULATION));
      final Map<Element, Price> all = new EnumMap<>(Element.class);
      all.putAll(deal.otherPrices());
      all.put(deal.metal(), new Price(price, history.id().unit()));
      final Valuation valuation = valuer.value(deal.lot(), deal.terms(), all);
      valuations.add(valuation);
      prices.add(price);
      if (move.signum() == 0) {
        base = valuation.nsrPerDmt();
      }
    }
    for (int i = 0; i < MOVES.size(); i++) {
      final Valuation v = valuations.get(i);
      rows.add(
          new PreDealAnalysis.Sensitivity(
              MOVES.get(i),
              prices.get(i),
              v.nsrPerDmt(),
              v.lotValue().amount(),
              v.nsrPerDmt().subtract(base)));
    }
    return rows;
  }
}
