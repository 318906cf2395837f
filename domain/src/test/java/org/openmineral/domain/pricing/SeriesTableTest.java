package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/** The multi-series CSV format on clean and damaged files. */
class SeriesTableTest {
  static final PriceSeriesId CU = PriceSeriesId.of(Element.CU, "TEST_LME", PriceUnit.USD_PER_T);
  static final PriceSeriesId ZN = PriceSeriesId.of(Element.ZN, "TEST_MONTHLY", PriceUnit.USD_PER_T);

  static SeriesFileImport load(final PriceSeriesStore store, final String csv) {
    return SeriesTable.importCsv(
        store,
        new StringReader(csv),
        "test.csv",
        id -> SeriesProvenance.internal("test"),
        ImportRules.defaults());
  }

  @Test
  void aDamagedFileIsImportedWithEveryProblemRecordedByLine() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final SeriesFileImport result =
        load(
            store,
            """
            series,date,value
            Cu/TEST_LME/USD_PER_T,2025-11-03,10000
            Cu/TEST_LME/USD_PER_T,2025-11-04,10050
            Cu/TEST_LME/USD_PER_T,2025-11-04,10050
            Cu/TEST_LME/USD_PER_T,2025-11-07,10100
            Cu/TEST_LME/USD_PER_T,2025-11-10,15000
            this is not a row
            Cu/TEST_LME/USD_PER_T,2025-13-01,10000
            Cu/TEST_LME/USD_PER_T,2025-11-11,abc
            Xx/TEST_LME/USD_PER_T,2025-11-11,1
            Zn.TEST_MONTHLY.USD_PER_T,2025-01,2800
            Zn.TEST_MONTHLY.USD_PER_T,2025-03,2900
            """);

    assertThat(result.series()).hasSize(2);
    final ImportReport cu = result.series().get(0);
    assertThat(cu.series()).isEqualTo(CU);
    assertThat(cu.added()).isEqualTo(4);
    assertThat(cu.issues(ImportIssue.Kind.DUPLICATE_DATE))
        .extracting(ImportIssue::line)
        .containsExactly(4);
    assertThat(cu.issues(ImportIssue.Kind.UNPARSEABLE_DATE))
        .extracting(ImportIssue::line)
        .containsExactly(8);
    assertThat(cu.issues(ImportIssue.Kind.NON_NUMERIC_VALUE))
        .extracting(ImportIssue::line)
        .containsExactly(9);
    // 10100 -> 15000 is +48.51 %: kept, flagged
    assertThat(cu.issues(ImportIssue.Kind.OUTLIER_MOVE))
        .extracting(ImportIssue::line)
        .containsExactly(6);
    // 2025-11-05 and 06 missing between the 4th and the 7th
    assertThat(cu.issues(ImportIssue.Kind.GAP))
        .singleElement()
        .satisfies(g -> assertThat(g.reason()).startsWith("2 weekday(s)"));
    assertThat(result.unassigned()).extracting(ImportIssue::line).containsExactly(7, 10);
    assertThat(result.unassigned())
        .extracting(ImportIssue::kind)
        .containsOnly(ImportIssue.Kind.UNKNOWN_SERIES);

    final ImportReport zn = result.series().get(1);
    assertThat(store.series(ZN).frequency()).isEqualTo(SeriesFrequency.MONTHLY);
    assertThat(zn.issues(ImportIssue.Kind.GAP))
        .singleElement()
        .satisfies(g -> assertThat(g.reason()).startsWith("1 month(s)"));
    assertThat(result.rowsRead()).isEqualTo(11);
    assertThat(result.rowsRead())
        .isEqualTo(result.added() + result.unchanged() + result.rejected());
    assertThat(store.series(CU).valueOn(LocalDate.of(2025, 11, 10)))
        .contains(new BigDecimal("15000"));
  }

  @Test
  void theSameFileAgainChangesNothing() {
    final PriceSeriesStore store = new PriceSeriesStore();
    final String csv = "series,date,value\nCu/TEST_LME/USD_PER_T,2025-11-03,10000\n";
    assertThat(load(store, csv).added()).isEqualTo(1);
    final SeriesFileImport again = load(store, csv);
    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(store.series(CU).size()).isEqualTo(1);
  }

  @Test
  void aWrongHeaderIsRefusedAsAWhole() {
    assertThatThrownBy(() -> load(new PriceSeriesStore(), "date,price\n2025-11-03,1\n"))
        .isInstanceOf(PriceImportException.class)
        .hasMessageContaining("expected the header 'series,date,value'");
  }

  @Test
  void seriesCodesParseWithSlashesOrDots() {
    assertThat(PriceSeriesId.parse("Cu.TEST_LME.USD_PER_T")).isEqualTo(CU);
    assertThat(PriceSeriesId.parse(CU.toString())).isEqualTo(CU);
    assertThat(PriceSeriesId.parse(CU.urlCode())).isEqualTo(CU);
    assertThatThrownBy(() -> PriceSeriesId.parse("Cu/X/EUR")).hasMessageContaining("unknown unit");
  }
}
