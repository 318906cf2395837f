package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Importing a daily {@code date,value} CSV: every bad row is reported, none is dropped silently.
 */
class PriceSeriesStoreTest {
  private static final PriceSeriesId ID =
      PriceSeriesId.of(Element.CU, "synthetic_cash", PriceUnit.USD_PER_T);
  private static final SeriesProvenance SYNTHETIC = SeriesProvenance.internal("synthetic prices");

  // synthetic prices
  private static final String FILE =
      """
      date,value
      2025-11-03,10700.5
      2025-11-04,10750
      2025-11-04,10750
      2025-11-05,abc
      2025-11-06,-5
      2025-11-07,
      2025/11/10,10800
      2025-11-11,13500
      2025-11-13,10790
      """;

  private static ImportReport importFile(
      final PriceSeriesStore store, final String csv, final ImportRules rules) {
    return store.importDailyCsv(ID, SYNTHETIC, new StringReader(csv), "test.csv", rules);
  }

  @Test
  void badRowsAreRejectedWithTheirLineAndReason() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final ImportReport report = importFile(store, FILE, ImportRules.defaults());

    assertThat(report.rowsRead()).isEqualTo(9);
    assertThat(report.added()).isEqualTo(4);
    assertThat(report.unchanged()).isZero();
    assertThat(report.rejected())
        .extracting(ImportIssue::line, ImportIssue::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, ImportIssue.Kind.DUPLICATE_DATE),
            org.assertj.core.groups.Tuple.tuple(5, ImportIssue.Kind.NON_NUMERIC_VALUE),
            org.assertj.core.groups.Tuple.tuple(6, ImportIssue.Kind.NEGATIVE_PRICE),
            org.assertj.core.groups.Tuple.tuple(7, ImportIssue.Kind.MISSING_VALUE),
            org.assertj.core.groups.Tuple.tuple(8, ImportIssue.Kind.UNPARSEABLE_DATE));
    assertThat(report.rejected().get(0).reason())
        .isEqualTo("2025-11-04 already given on line 3 with the same value");
    assertThat(store.series(ID).size()).isEqualTo(4);
  }

  @Test
  void gapsAndOutliersAreFlaggedButKeptByDefault() {
    final ImportReport report = importFile(new PriceSeriesStore(), FILE, ImportRules.defaults());
    // 13,500 / 10,750 - 1 = +25.58 %; 10,790 / 13,500 - 1 = -20.07 %; both above 20 %
    assertThat(report.issues(ImportIssue.Kind.OUTLIER_MOVE))
        .extracting(ImportIssue::line)
        .containsExactly(9, 10);
    assertThat(report.issues(ImportIssue.Kind.OUTLIER_MOVE).get(0).reason())
        .startsWith("moves 25.58% against 10750 on 2025-11-04");
    // 5, 6, 7 and 10 Nov are missing before the 11th; the 12th before the 13th
    assertThat(report.issues(ImportIssue.Kind.GAP))
        .extracting(ImportIssue::reason)
        .containsExactly(
            "4 weekday(s) without a value (exchange holiday or missing data) between 2025-11-04"
                + " and 2025-11-11",
            "1 weekday(s) without a value (exchange holiday or missing data) between 2025-11-11"
                + " and 2025-11-13");
  }

  @Test
  void outliersCanBeRejectedInstead() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final ImportReport report = importFile(store, FILE, ImportRules.rejectMovesAbove("20"));
    // 13,500 is rejected; 10,790 is then measured against 10,750 (+0.37 %) and kept
    assertThat(report.rejected())
        .extracting(ImportIssue::kind)
        .contains(ImportIssue.Kind.OUTLIER_MOVE);
    assertThat(report.issues(ImportIssue.Kind.OUTLIER_MOVE)).hasSize(1);
    assertThat(store.series(ID).valueOn(LocalDate.of(2025, 11, 11))).isEmpty();
    assertThat(store.series(ID).valueOn(LocalDate.of(2025, 11, 13))).isPresent();
  }

  @Test
  void reImportingTheSameFileChangesNothingAndSaysSo() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final ImportReport first = importFile(store, FILE, ImportRules.defaults());
    final PriceSeries after = store.series(ID);
    final ImportReport second = importFile(store, FILE, ImportRules.defaults());

    assertThat(second.added()).isZero();
    assertThat(second.unchanged()).isEqualTo(first.added());
    assertThat(second.rejected()).isEqualTo(first.rejected());
    assertThat(second.warnings()).isEqualTo(first.warnings());
    assertThat(store.series(ID).fixings()).isEqualTo(after.fixings());
  }

  @Test
  void aDifferentValueForAStoredDateIsRejectedNotOverwritten() {
    final PriceSeriesStore store = new PriceSeriesStore();
    importFile(store, FILE, ImportRules.defaults());
    final ImportReport report =
        importFile(
            store, "date,value\n2025-11-03,10701\n2025-11-14,10800\n", ImportRules.defaults());
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.rejected())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(ImportIssue.Kind.CONFLICTS_WITH_STORED);
              assertThat(i.reason()).contains("already holds 10700.5");
            });
    assertThat(store.series(ID).valueOn(LocalDate.of(2025, 11, 3)).orElseThrow())
        .isEqualByComparingTo("10700.5");
  }

  @Test
  void blankAndOverlongLinesAreReportedAtTheirLine() {
    final ImportReport report =
        importFile(
            new PriceSeriesStore(),
            "date,value\n2025-11-03,10700\n\n2025-11-04,10710,extra\n2025-11-05,10720\n",
            ImportRules.defaults());
    assertThat(report.rowsRead()).isEqualTo(4);
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.rejected())
        .extracting(ImportIssue::line, ImportIssue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "blank line; expected a date and a value"),
            org.assertj.core.groups.Tuple.tuple(4, "expected exactly a date and a value"));
  }

  @Test
  void aFileWithoutTheHeaderIsRefusedAsAWhole() {
    assertThatThrownBy(
            () -> importFile(new PriceSeriesStore(), "2025-11-03,1\n", ImportRules.defaults()))
        .isInstanceOf(PriceImportException.class)
        .hasMessageContaining("expected the header 'date,value'");
  }

  @Test
  void anUnknownSeriesIsNamedWithWhatTheStoreHolds() {
    final PriceSeriesStore store = new PriceSeriesStore();
    importFile(store, FILE, ImportRules.defaults());
    assertThatThrownBy(() -> store.series(PriceSeriesId.of(Element.ZN, "LME", PriceUnit.USD_PER_T)))
        .isInstanceOf(UnknownPriceSeriesException.class)
        .hasMessageContaining("Zn/LME/USD_PER_T")
        .hasMessageContaining("Cu/SYNTHETIC_CASH/USD_PER_T");
  }
}
