package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.valuation.RefiningUnit;

/** FX rates and TC/RC benchmarks in the series store: codes, validation, re-import, lookup. */
class SeriesKindsTest {
  private static final FxSeriesId EURUSD = FxSeriesId.of("EUR", "USD", "TEST_FX");
  private static final TreatmentChargeSeriesId CU_TC =
      TreatmentChargeSeriesId.of(Element.CU, "TEST_BENCHMARK");
  private static final RefiningChargeSeriesId CU_RC =
      RefiningChargeSeriesId.of(Element.CU, "TEST_BENCHMARK", RefiningUnit.USD_PER_LB);

  private static SeriesFileImport load(final PriceSeriesStore store, final String csv) {
    return SeriesTableTest.load(store, csv);
  }

  @Test
  void everyKindHasACodeThatReadsBackToTheSameSeries() {
    assertThat(SeriesId.parse("Cu/LME_CASH/USD_PER_T"))
        .isEqualTo(PriceSeriesId.of(Element.CU, "LME_CASH", PriceUnit.USD_PER_T));
    assertThat(SeriesId.parse("PRICE:Cu/LME_CASH/USD_PER_T"))
        .isEqualTo(PriceSeriesId.of(Element.CU, "LME_CASH", PriceUnit.USD_PER_T));
    assertThat(SeriesId.parse("fx:eur/usd/ecb"))
        .isEqualTo(new FxSeriesId(Currency.getInstance("EUR"), Currency.getInstance("USD"), "ECB"));
    assertThat(SeriesId.parse("TC:Cu/BENCHMARK/USD_PER_DMT"))
        .isEqualTo(TreatmentChargeSeriesId.of(Element.CU, "BENCHMARK"));
    assertThat(SeriesId.parse("RC:Au.BENCHMARK.USD_PER_OZT"))
        .isEqualTo(RefiningChargeSeriesId.of(Element.AU, "BENCHMARK", RefiningUnit.USD_PER_OZT));
    for (final SeriesId id : new SeriesId[] {EURUSD, CU_TC, CU_RC}) {
      assertThat(SeriesId.parse(id.toString())).isEqualTo(id);
      assertThat(SeriesId.parse(id.urlCode())).isEqualTo(id);
    }
    assertThat(EURUSD.toString()).isEqualTo("FX:EUR/USD/TEST_FX");
    assertThat(EURUSD.urlCode()).isEqualTo("FX:EUR.USD.TEST_FX");
    assertThat(EURUSD.unitName()).isEqualTo("USD_PER_EUR");
    assertThat(CU_TC.toString()).isEqualTo("TC:Cu/TEST_BENCHMARK/USD_PER_DMT");
    assertThat(CU_RC.kind()).isEqualTo(SeriesKind.RC);
  }

  @Test
  void aCodeThatCannotBeReadSaysWhichPartIsWrong() {
    assertThatThrownBy(() -> SeriesId.parse("XX:Cu/A/USD_PER_T"))
        .hasMessageContaining("unknown series kind 'XX'");
    assertThatThrownBy(() -> SeriesId.parse("FX:EUR/EUR/ECB"))
        .hasMessageContaining("two currencies");
    assertThatThrownBy(() -> SeriesId.parse("FX:EUR/ABC/ECB"))
        .hasMessageContaining("'ABC' is not an ISO 4217 currency code (the quote currency)");
    assertThatThrownBy(() -> SeriesId.parse("FX:EUR/USD"))
        .hasMessageContaining("FX:EUR/USD/ECB (base/quote/source)");
    assertThatThrownBy(() -> SeriesId.parse("TC:Cu/BENCHMARK/USD_PER_LB"))
        .hasMessageContaining("a treatment charge is quoted in USD_PER_DMT");
    assertThatThrownBy(() -> SeriesId.parse("RC:Cu/BENCHMARK/USD_PER_DMT"))
        .hasMessageContaining("unknown unit 'USD_PER_DMT'");
  }

  @Test
  void anFxRateOfZeroOrBelowIsRejectedAndAJumpIsFlagged() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final SeriesFileImport result =
        load(
            store,
            """
            series,date,value
            FX:EUR/USD/TEST_FX,2025-11-03,1.1520
            FX:EUR/USD/TEST_FX,2025-11-04,0
            FX:EUR/USD/TEST_FX,2025-11-05,-1.15
            FX:EUR/USD/TEST_FX,2025-11-05,1.1490
            FX:EUR/USD/TEST_FX,2025-11-05,1.1490
            FX:EUR/USD/TEST_FX,2025-11-06,11.490
            FX:EUR/USD/TEST_FX,2025-11-10,1.1560
            """);

    final ImportReport fx = result.series().getFirst();
    assertThat(fx.series()).isEqualTo(EURUSD);
    assertThat(fx.issues(ImportIssue.Kind.NON_POSITIVE_RATE))
        .extracting(ImportIssue::line)
        .containsExactly(3, 4);
    assertThat(fx.issues(ImportIssue.Kind.DUPLICATE_DATE))
        .extracting(ImportIssue::line)
        .containsExactly(6);
    // 11.49 against 1.149 is a 900 % move (a misplaced decimal point): flagged, not dropped
    assertThat(fx.issues(ImportIssue.Kind.OUTLIER_MOVE))
        .extracting(ImportIssue::line)
        .containsExactly(7, 8);
    // 2025-11-04 (its row rejected) and 2025-11-07 (a Friday) have no rate
    assertThat(fx.issues(ImportIssue.Kind.GAP)).extracting(ImportIssue::line).containsExactly(5, 8);
    assertThat(fx.added()).isEqualTo(4);
    assertThat(store.ids(SeriesKind.FX)).containsExactly(EURUSD);
    assertThat(store.ids(SeriesKind.PRICE)).isEmpty();
  }

  @Test
  void annualBenchmarksAreStoredOnTheFirstOfJanuaryWithGapsByYear() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final SeriesFileImport result =
        load(
            store,
            """
            series,date,value
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2022,65
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2024,80
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2025,21.25
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2026,0
            TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2026-05,0
            RC:Cu/TEST_BENCHMARK/USD_PER_LB,2025,0.02125
            RC:Cu/TEST_BENCHMARK/USD_PER_LB,2026,-0.01
            """);

    final ImportReport tc = result.series().get(0);
    assertThat(store.series(CU_TC).frequency()).isEqualTo(SeriesFrequency.ANNUAL);
    assertThat(tc.added()).isEqualTo(4);
    assertThat(tc.issues(ImportIssue.Kind.GAP))
        .singleElement()
        .satisfies(g -> assertThat(g.reason()).startsWith("1 year(s) without a value"));
    // a benchmark of zero is a settled value, not a suspicious one
    assertThat(tc.issues(ImportIssue.Kind.ZERO_PRICE)).isEmpty();
    assertThat(tc.issues(ImportIssue.Kind.UNPARSEABLE_DATE))
        .singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo("'2026-05' is not a YYYY year"));
    final ImportReport rc = result.series().get(1);
    assertThat(rc.issues(ImportIssue.Kind.NEGATIVE_PRICE))
        .singleElement()
        .satisfies(i -> assertThat(i.reason()).contains("negative charge benchmark"));

    // the latest benchmark on or before a date
    assertThat(store.series(CU_TC).latestOnOrBefore(LocalDate.parse("2025-11-20")))
        .hasValue(PriceFixing.of(LocalDate.parse("2025-01-01"), "21.25"));
    assertThat(store.series(CU_TC).latestOnOrBefore(LocalDate.parse("2021-12-31"))).isEmpty();
  }

  @Test
  void importingTheSameFileAgainAddsNothing() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final String csv =
        """
        series,date,value
        FX:EUR/USD/TEST_FX,2025-11-03,1.1520
        TC:Cu/TEST_BENCHMARK/USD_PER_DMT,2025,21.25
        RC:Cu/TEST_BENCHMARK/USD_PER_LB,2025,0.02125
        """;
    assertThat(load(store, csv).added()).isEqualTo(3);

    final SeriesFileImport again = load(store, csv);

    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.rejected()).isZero();
    assertThat(store.ids())
        .extracting(SeriesId::kind)
        .containsExactlyInAnyOrder(SeriesKind.FX, SeriesKind.TC, SeriesKind.RC);
  }

  @Test
  void aQpCannotBeAveragedOverAnFxSeries() {
    final PriceSeriesStore store = new PriceSeriesStore();
    load(store, "series,date,value\nFX:EUR/USD/TEST_FX,2025-11-03,1.1520\n");
    final PriceSeries fx = store.series(EURUSD);

    assertThatThrownBy(
            () ->
                fx.averageOver(
                    QpWindow.month(YearMonth.of(2025, 11), "M"), LocalDate.parse("2025-11-30")))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("holds no metal prices");
    assertThatThrownBy(fx::priceId).hasMessageContaining("not a metal price");
  }
}
