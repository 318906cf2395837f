package org.openmineral.domain.predeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.forecasting.PriceForecaster;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.ReferencePriceFiles;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * The pre-deal analysis on the real World Bank copper series (December 2025 edition, CC BY 4.0) and
 * a 1,000 dmt copper concentrate at 25 % Cu, 96.5 % payable, TC 80 USD/dmt.
 */
class PreDealAnalystTest {
  private static PriceSeries copper;
  private static PriceSeries zinc;
  private final PreDealAnalyst analyst = new PreDealAnalyst(PriceForecaster.defaults());

  @BeforeAll
  static void importTheWorldBankExtract() throws IOException {
    final PriceSeriesStore store = new PriceSeriesStore();
    try (Reader reader = Files.newBufferedReader(ReferencePriceFiles.extract())) {
      WorldBankPinkSheet.importInto(
          store,
          reader,
          "metals_monthly_nominal_usd.csv",
          WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
          ImportRules.defaults());
    }
    copper = store.series(WorldBankPinkSheet.seriesId(Element.CU));
    zinc = store.series(WorldBankPinkSheet.seriesId(Element.ZN));
  }

  static ProposedDeal deal(final String qpFirst, final String qpLast) {
    return new ProposedDeal(
        Element.CU,
        YearMonth.parse(qpFirst),
        YearMonth.parse(qpLast),
        new ConcentrateLot(
            DryWeight.of(new BigDecimal("1000"), BigDecimal.ZERO, null),
            Map.of(Element.CU, Assay.percent(Element.CU, "25"))),
        new ValuationTerms(
            List.of(PayableTerm.of(Element.CU, "96.5")), TreatmentCharge.flat("80"), null, null),
        Map.of());
  }

  @Test
  void trendIsReadFromTheFile() {
    final PreDealAnalysis analysis = analyst.analyse(deal("2026-02", "2026-04"), copper);

    // 2025-11 10812.03; 2025-08 9669.56; 2024-11 9075.73 (the extract)
    assertThat(analysis.trend().lastPrice()).isEqualByComparingTo("10812.03");
    // 10812.03 / 9669.56 - 1 = 11.8151...% ; 10812.03 / 9075.73 - 1 = 19.1312...%
    assertThat(analysis.trend().change3mPct()).isEqualByComparingTo("11.82");
    assertThat(analysis.trend().change12mPct()).isEqualByComparingTo("19.13");
    assertThat(analysis.volatility().returns()).isEqualTo(36);
    assertThat(analysis.attribution()).isEqualTo(WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025);
    assertThat(analysis.forecast().months()).hasSize(5);
    assertThat(analysis.qpBand().publishedMonths()).isZero();
  }

  @Test
  void sensitivityMovesTheNsrByThePayableCopperTimesThePriceMove() {
    final PreDealAnalysis analysis = analyst.analyse(deal("2026-01", "2026-01"), copper);

    // payable copper: 25 % x 96.5 % = 0.24125 t/dmt; TC does not move with the price
    final var rows = analysis.sensitivities();
    assertThat(rows)
        .extracting(PreDealAnalysis.Sensitivity::movePct)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("-10"),
            new BigDecimal("-5"),
            BigDecimal.ZERO,
            new BigDecimal("5"),
            new BigDecimal("10"));
    final BigDecimal base = rows.get(2).price();
    assertThat(base).isEqualByComparingTo(analysis.qpBand().point());
    // NSR at the base price: 0.24125 x price - 80
    assertThat(rows.get(2).nsrPerDmt())
        .isEqualByComparingTo(
            new BigDecimal("0.24125")
                .multiply(base)
                .subtract(new BigDecimal("80"))
                .setScale(4, java.math.RoundingMode.HALF_UP));
    for (final PreDealAnalysis.Sensitivity row : rows) {
      assertThat(row.nsrChangePerDmt())
          .isEqualByComparingTo(
              new BigDecimal("0.24125")
                  .multiply(row.price().subtract(base))
                  .setScale(4, java.math.RoundingMode.HALF_UP));
    }
  }

  @Test
  void publishedQpMonthsUseTheirValues() {
    final PreDealAnalysis analysis = analyst.analyse(deal("2025-10", "2025-11"), copper);

    // (10739.91 + 10812.03) / 2 = 10775.97, no forecast uncertainty left
    assertThat(analysis.qpBand().publishedMonths()).isEqualTo(2);
    assertThat(analysis.qpBand().point()).isEqualByComparingTo("10775.97");
    assertThat(analysis.qpBand().lower()).isEqualByComparingTo("10775.97");
    assertThat(analysis.qpBand().upper()).isEqualByComparingTo("10775.97");
  }

  @Test
  void badDealsAreRefusedNamingTheInput() {
    assertThatThrownBy(() -> analyst.analyse(deal("2028-01", "2028-03"), copper))
        .isInstanceOf(PreDealInputException.class)
        .hasMessageContaining("28 months after the last published price")
        .extracting(e -> ((PreDealInputException) e).field())
        .isEqualTo("qpLast");
    assertThatThrownBy(() -> analyst.analyse(deal("2026-01", "2026-01"), zinc))
        .extracting(e -> ((PreDealInputException) e).field())
        .isEqualTo("metal");
    assertThatThrownBy(() -> deal("2026-03", "2026-01")).isInstanceOf(PreDealInputException.class);
  }
}
