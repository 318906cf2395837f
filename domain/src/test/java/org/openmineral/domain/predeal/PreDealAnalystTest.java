package org.openmineral.domain.predeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
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
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.pricing.SeriesTable;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
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

  static ProposedDeal dealWith(final TreatmentCharge tc, final List<RefiningCharge> rcs) {
    return new ProposedDeal(
        Element.CU,
        YearMonth.parse("2026-02"),
        YearMonth.parse("2026-04"),
        new ConcentrateLot(
            DryWeight.of(new BigDecimal("1000"), BigDecimal.ZERO, null),
            Map.of(Element.CU, Assay.percent(Element.CU, "25"))),
        new ValuationTerms(List.of(PayableTerm.of(Element.CU, "96.5")), tc, rcs, null),
        Map.of());
  }

  static ChargeBenchmarks copperBenchmarks() {
    final PriceSeriesStore store = new PriceSeriesStore();
    SeriesTable.importCsv(
        store,
        new StringReader(
            """
            series,date,value
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2024,80
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2025,21.25
            RC:Cu/TEST_BENCHMARK/USD_PER_LB,2025,0.02125
            """),
        "benchmarks.csv",
        id -> SeriesProvenance.internal("test"),
        ImportRules.defaults());
    return new ChargeBenchmarks(
        store.series(SeriesId.parse("TC:Cu/TEST_BENCHMARK/USD_PER_DMT")),
        store.series(SeriesId.parse("RC:Cu/TEST_BENCHMARK/USD_PER_LB")));
  }

  @Test
  void termsWithoutChargesTakeTheLatestBenchmarksAndSaySo() {
    // given a deal without TC or RC and benchmarks of 2024 and 2025, analysed on 2025-11-20
    final PreDealAnalysis withBenchmarks =
        analyst.analyse(
            dealWith(null, null), copper, copperBenchmarks(), LocalDate.parse("2025-11-20"));

    // then the 2025 benchmarks are used and named
    assertThat(withBenchmarks.charges())
        .containsExactly(
            new PreDealAnalysis.ChargeUsed(
                "TC",
                PreDealAnalysis.ChargeSource.BENCHMARK,
                "TC:Cu/TEST_BENCHMARK/USD_PER_DMT",
                LocalDate.parse("2025-01-01"),
                new BigDecimal("21.25"),
                "USD_PER_DMT"),
            new PreDealAnalysis.ChargeUsed(
                "RC",
                PreDealAnalysis.ChargeSource.BENCHMARK,
                "RC:Cu/TEST_BENCHMARK/USD_PER_LB",
                LocalDate.parse("2025-01-01"),
                new BigDecimal("0.02125"),
                "USD_PER_LB"));
    // and the valuation is the one of terms giving the same charges
    final PreDealAnalysis sameByTerms =
        analyst.analyse(
            dealWith(
                TreatmentCharge.flat("21.25"),
                List.of(RefiningCharge.of(Element.CU, "0.02125", RefiningUnit.USD_PER_LB))),
            copper);
    assertThat(withBenchmarks.sensitivities()).isEqualTo(sameByTerms.sensitivities());
    // and differs from a valuation without charges by more than 21.25 USD/dmt
    final PreDealAnalysis without = analyst.analyse(dealWith(null, null), copper);
    assertThat(
            without
                .sensitivities()
                .get(2)
                .nsrPerDmt()
                .subtract(withBenchmarks.sensitivities().get(2).nsrPerDmt()))
        .isGreaterThan(new BigDecimal("21.25"));
    assertThat(without.charges())
        .extracting(PreDealAnalysis.ChargeUsed::source)
        .containsExactly(PreDealAnalysis.ChargeSource.NONE, PreDealAnalysis.ChargeSource.NONE);
  }

  @Test
  void chargesInTheTermsWinOverBenchmarks() {
    final ProposedDeal deal =
        dealWith(
            TreatmentCharge.flat("80"),
            List.of(RefiningCharge.of(Element.CU, "0.08", RefiningUnit.USD_PER_LB)));

    final PreDealAnalysis analysis =
        analyst.analyse(deal, copper, copperBenchmarks(), LocalDate.parse("2025-11-20"));

    assertThat(analysis.charges())
        .extracting(PreDealAnalysis.ChargeUsed::source, PreDealAnalysis.ChargeUsed::series)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PreDealAnalysis.ChargeSource.TERMS, null),
            org.assertj.core.groups.Tuple.tuple(PreDealAnalysis.ChargeSource.TERMS, null));
    assertThat(analysis.sensitivities()).isEqualTo(analyst.analyse(deal, copper).sensitivities());
  }

  @Test
  void beforeTheFirstBenchmarkTheDealIsValuedWithoutTheCharge() {
    final PreDealAnalysis analysis =
        analyst.analyse(
            dealWith(TreatmentCharge.flat("80"), null),
            copper,
            copperBenchmarks(),
            LocalDate.parse("2023-06-30"));

    assertThat(analysis.charges())
        .extracting(PreDealAnalysis.ChargeUsed::source)
        .containsExactly(PreDealAnalysis.ChargeSource.TERMS, PreDealAnalysis.ChargeSource.NONE);
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
