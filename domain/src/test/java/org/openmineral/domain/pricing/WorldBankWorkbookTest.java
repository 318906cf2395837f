package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

/**
 * The real World Bank workbook (December 2025 edition, CC BY 4.0) as it ships, cross-checked
 * against the CSV extract made from it.
 */
class WorldBankWorkbookTest {

  static Path workbook() {
    return ReferencePriceFiles.workbook();
  }

  @Test
  void importsEveryMetalOfTheWorkbookAndTheExtractThenAddsNothing() throws IOException {
    final PriceSeriesStore store = new PriceSeriesStore();
    final PinkSheetImport fromWorkbook;
    try (InputStream in = Files.newInputStream(workbook())) {
      fromWorkbook =
          WorldBankWorkbook.importInto(
              store,
              in,
              "CMO-Historical-Data-Monthly.xlsx",
              WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
              ImportRules.defaults());
    }
    assertThat(fromWorkbook.series()).hasSize(9);
    final ImportReport copper = fromWorkbook.report(WorldBankPinkSheet.seriesId(Element.CU));
    assertThat(copper.added()).isEqualTo(791);
    assertThat(copper.rejected()).isEmpty();
    assertThat(fromWorkbook.skippedColumns()).containsKeys("IRON_ORE", "CRUDE_BRENT");
    final PriceSeries cu = store.series(WorldBankPinkSheet.seriesId(Element.CU));
    // the workbook holds 715.39999999999998 for 1960M01; the extract 715.4
    assertThat(cu.valueFor(YearMonth.of(1960, 1)))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("715.4"));
    assertThat(cu.valueFor(YearMonth.of(2025, 11)))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal("10812.03")));

    final PinkSheetImport fromExtract;
    try (var reader = Files.newBufferedReader(WorldBankPinkSheetTest.extract())) {
      fromExtract =
          WorldBankPinkSheet.importInto(
              store,
              reader,
              "metals_monthly_nominal_usd.csv",
              WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
              ImportRules.defaults());
    }
    for (final ImportReport report : fromExtract.series()) {
      assertThat(report.added()).as(report.summary()).isZero();
      assertThat(report.unchanged()).as(report.summary()).isEqualTo(791);
    }
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefused() {
    assertThatThrownBy(
            () ->
                WorldBankWorkbook.importInto(
                    new PriceSeriesStore(),
                    new ByteArrayInputStream("month,COPPER\n".getBytes(StandardCharsets.UTF_8)),
                    "fake.xlsx",
                    WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
                    ImportRules.defaults()))
        .isInstanceOf(PriceImportException.class)
        .hasMessageContaining("fake.xlsx: cannot read the file as an xlsx workbook");
  }
}
