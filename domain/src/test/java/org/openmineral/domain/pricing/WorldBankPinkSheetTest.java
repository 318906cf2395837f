package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Imports the real World Bank extract in reference-data and checks values against the file.
 *
 * <p>Source: World Bank Commodity Price Data (The Pink Sheet), December 2025. CC BY 4.0.
 */
class WorldBankPinkSheetTest {
  private static final PriceSeriesStore STORE = new PriceSeriesStore();
  private static PinkSheetImport imported;

  static Path extract() {
    return ReferencePriceFiles.extract();
  }

  @BeforeAll
  static void importExtract() throws IOException {
    try (Reader r = Files.newBufferedReader(extract(), StandardCharsets.UTF_8)) {
      imported =
          WorldBankPinkSheet.importInto(
              STORE,
              r,
              "metals_monthly_nominal_usd.csv",
              WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
              ImportRules.defaults());
    }
  }

  @Test
  void everyMetalColumnIsImportedCompletelyAndIronOreIsSkippedWithAReason() {
    assertThat(imported.series()).hasSize(9);
    for (final ImportReport report : imported.series()) {
      assertThat(report.rowsRead()).isEqualTo(791);
      assertThat(report.added()).isEqualTo(791);
      assertThat(report.rejected()).isEmpty();
      assertThat(report.issues(ImportIssue.Kind.GAP)).isEmpty();
    }
    assertThat(imported.skippedColumns()).containsOnlyKeys("IRON_ORE");
    assertThat(imported.skippedColumns().get("IRON_ORE")).contains("dry metric ton unit");
  }

  @Test
  void largeMonthlyMovesAreFlaggedForReview() {
    // 15 month-on-month moves of copper above 20 % between 1960 and 2025 (counted in the file)
    final ImportReport copper = imported.report(WorldBankPinkSheet.seriesId(Element.CU));
    assertThat(copper.warnings())
        .allSatisfy(w -> assertThat(w.kind()).isEqualTo(ImportIssue.Kind.OUTLIER_MOVE))
        .hasSize(15);
  }

  @Test
  void copperNovember2025IsTheValueInTheFile() {
    final PriceSeries copper = STORE.series(WorldBankPinkSheet.seriesId(Element.CU));
    assertThat(copper.id())
        .isEqualTo(PriceSeriesId.of(Element.CU, "WORLD_BANK_PINK_SHEET", PriceUnit.USD_PER_T));
    assertThat(copper.frequency()).isEqualTo(SeriesFrequency.MONTHLY);
    assertThat(copper.valueFor(YearMonth.of(2025, 11))).contains(new BigDecimal("10812.03"));
    assertThat(copper.valueFor(YearMonth.of(1960, 1))).contains(new BigDecimal("715.4"));
    assertThat(copper.provenance().attribution())
        .isEqualTo("Source: World Bank Commodity Price Data (The Pink Sheet), December 2025.");
    assertThat(copper.provenance().licence()).isEqualTo("CC BY 4.0");
    assertThat(copper.provenance().description()).contains("LME grade A cathodes");
  }

  @Test
  void mPlusOneOfAnOctoberArrivalIsTheNovemberMonthlyValue() {
    final PriceSeries copper = STORE.series(WorldBankPinkSheet.seriesId(Element.CU));
    final QpReferenceDates cargo =
        QpReferenceDates.of(LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 14));
    final QpAverage avg =
        copper.averageOver(RelativeMonthQp.ofArrival(1), cargo, LocalDate.of(2025, 12, 2));
    assertThat(avg.status()).isEqualTo(QpAverage.Status.COMPLETE);
    assertThat(avg.finalAverage()).isEqualTo(new BigDecimal("10812.0300"));
    assertThat(avg.fixingsUsed())
        .containsExactly(PriceFixing.of(LocalDate.of(2025, 11, 1), "10812.03"));
    assertThat(avg.provenance().attribution()).contains("World Bank");
  }

  @Test
  void aThreeMonthQpAveragesTheMonthlyValues() {
    final PriceSeries copper = STORE.series(WorldBankPinkSheet.seriesId(Element.CU));
    final FixedQp q3 = new FixedQp(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 30));
    final QpReferenceDates cargo = QpReferenceDates.shippedOn(LocalDate.of(2025, 8, 15));

    // (9,983.79 + 10,739.91 + 10,812.03) / 3 = 31,535.73 / 3 = 10,511.91
    assertThat(copper.averageOver(q3, cargo, LocalDate.of(2025, 12, 2)).finalAverage())
        .isEqualTo(new BigDecimal("10511.9100"));

    // on 2025-11-20 November's average is not yet known: 2 of 3 months priced
    final QpAverage partial = copper.averageOver(q3, cargo, LocalDate.of(2025, 11, 20));
    assertThat(partial.status()).isEqualTo(QpAverage.Status.PARTIAL);
    assertThat(partial.pricedFraction()).isEqualTo(new BigDecimal("0.666667"));
    // (9,983.79 + 10,739.91) / 2 = 10,361.85
    assertThat(partial.average()).contains(new BigDecimal("10361.8500"));
    assertThat(partial.unpricedDates()).containsExactly(LocalDate.of(2025, 11, 1));
  }

  @Test
  void monthsBeyondTheFileAreReportedWithoutPrices() {
    final PriceSeries copper = STORE.series(WorldBankPinkSheet.seriesId(Element.CU));
    final QpAverage dec =
        copper.averageOver(
            RelativeMonthQp.ofShipment(2),
            QpReferenceDates.shippedOn(LocalDate.of(2025, 10, 3)),
            LocalDate.of(2026, 1, 15));
    assertThat(dec.status()).isEqualTo(QpAverage.Status.NO_PRICES);
    assertThat(dec.datesWithoutFixing()).containsExactly(LocalDate.of(2025, 12, 1));
  }

  @Test
  void aMonthlySeriesCannotPricePartOfAMonth() {
    final PriceSeries copper = STORE.series(WorldBankPinkSheet.seriesId(Element.CU));
    final QpWindow part =
        new QpWindow(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 20), "part of November");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> copper.averageOver(part, LocalDate.of(2025, 12, 31)))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("whole calendar months");
  }

  @Test
  void goldIsInUsdPerTroyOunce() {
    final PriceSeries gold = STORE.series(WorldBankPinkSheet.seriesId(Element.AU));
    assertThat(gold.priceId().unit()).isEqualTo(PriceUnit.USD_PER_OZT);
    assertThat(gold.valueFor(YearMonth.of(2025, 11))).contains(new BigDecimal("4087.19"));
  }

  @Test
  void reImportingTheExtractIsIdempotent() throws IOException {
    final PriceSeriesStore store = new PriceSeriesStore();
    PinkSheetImport second = null;
    for (int i = 0; i < 2; i++) {
      try (Reader r = Files.newBufferedReader(extract(), StandardCharsets.UTF_8)) {
        second =
            WorldBankPinkSheet.importInto(
                store,
                r,
                "metals_monthly_nominal_usd.csv",
                WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
                ImportRules.defaults());
      }
    }
    for (final ImportReport report : second.series()) {
      assertThat(report.added()).isZero();
      assertThat(report.unchanged()).isEqualTo(791);
    }
    assertThat(store.series(WorldBankPinkSheet.seriesId(Element.CU)).size()).isEqualTo(791);
  }
}
