package org.openmineral.domain.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.pricing.SeriesTable;

/** The rate to convert with: latest on or before the date, direct or inverted. */
class FxRatesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency GBP = Currency.getInstance("GBP");

  private static PriceSeriesStore store() {
    final PriceSeriesStore store = new PriceSeriesStore();
    SeriesTable.importCsv(
        store,
        new StringReader(
            """
            series,date,value
            FX:EUR/USD/TEST,2025-11-03,1.1520
            FX:EUR/USD/TEST,2025-11-07,1.1560
            FX:USD/GBP/TEST,2025-11-03,0.8000
            """),
        "fx.csv",
        id -> SeriesProvenance.internal("test"),
        ImportRules.defaults());
    return store;
  }

  @Test
  void theRateOfTheLastFixingOnOrBeforeTheDateIsUsed() {
    final PriceSeriesStore store = store();

    // Saturday 2025-11-08: Friday's rate stands; Wednesday 2025-11-05: Monday's
    final FxRate saturday =
        FxRates.latestOnOrBefore(EUR, USD, "TEST", LocalDate.parse("2025-11-08"), store::find)
            .orElseThrow();
    final FxRate wednesday =
        FxRates.latestOnOrBefore(EUR, USD, "TEST", LocalDate.parse("2025-11-05"), store::find)
            .orElseThrow();

    assertThat(saturday.rate()).isEqualByComparingTo("1.1560");
    assertThat(saturday.date()).isEqualTo(LocalDate.parse("2025-11-07"));
    assertThat(saturday.series()).isEqualTo(FxSeriesId.of("EUR", "USD", "TEST"));
    assertThat(saturday.inverted()).isFalse();
    assertThat(wednesday.rate()).isEqualByComparingTo("1.1520");
    // 8,400 EUR/t x 1.1520 USD/EUR = 9,676.80 USD/t
    assertThat(wednesday.convert(new java.math.BigDecimal("8400"))).isEqualByComparingTo("9676.80");
    assertThat(wednesday.describe()).isEqualTo("1.1520 USD/EUR of 2025-11-03 (FX:EUR/USD/TEST)");
  }

  @Test
  void aPairQuotedTheOtherWayIsInvertedToTenPlaces() {
    // the store holds GBP per USD (0.8000); GBP into USD is 1 / 0.8 = 1.25
    final FxRate gbp =
        FxRates.latestOnOrBefore(GBP, USD, "TEST", LocalDate.parse("2025-11-04"), store()::find)
            .orElseThrow();

    assertThat(gbp.rate()).isEqualByComparingTo("1.2500000000");
    assertThat(gbp.rate().scale()).isEqualTo(FxRates.INVERSE_SCALE);
    assertThat(gbp.published()).isEqualByComparingTo("0.8000");
    assertThat(gbp.inverted()).isTrue();
    assertThat(gbp.series().toString()).isEqualTo("FX:USD/GBP/TEST");
  }

  @Test
  void noRateBeforeTheFirstFixingNorFromAnotherSourceNorThroughACross() {
    final PriceSeriesStore store = store();

    assertThat(
            FxRates.latestOnOrBefore(EUR, USD, "TEST", LocalDate.parse("2025-11-02"), store::find))
        .isEmpty();
    assertThat(
            FxRates.latestOnOrBefore(EUR, USD, "ECB", LocalDate.parse("2025-11-05"), store::find))
        .isEmpty();
    // EUR->GBP would need a cross through USD: not made
    assertThat(
            FxRates.latestOnOrBefore(EUR, GBP, "TEST", LocalDate.parse("2025-11-05"), store::find))
        .isEmpty();
    assertThatThrownBy(
            () -> FxRates.latestOnOrBefore(USD, USD, "TEST", LocalDate.now(), store::find))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
