package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

/** The illustrative sample file of docs/samples imports cleanly, every kind read as documented. */
class SampleMarketDataTest {
  @Test
  void everyRowOfTheSampleFileIsAccepted() throws IOException {
    final PriceSeriesStore store = new PriceSeriesStore();
    final SeriesFileImport imported;
    try (Reader reader = Files.newBufferedReader(sample())) {
      imported =
          SeriesTable.importCsv(
              store,
              reader,
              "fx-tc-rc-sample.csv",
              id -> SeriesProvenance.internal("illustrative sample"),
              ImportRules.defaults());
    }

    assertThat(imported.rowsRead()).isEqualTo(18);
    assertThat(imported.added()).isEqualTo(18);
    assertThat(imported.rejected()).isZero();
    assertThat(store.ids(SeriesKind.FX)).hasSize(2);
    // 2.125 c/lb is 0.02125 USD per payable pound, the 2025 benchmark
    assertThat(
            store
                .series(SeriesId.parse("RC:Cu/SAMPLE/USD_PER_LB"))
                .latestOnOrBefore(LocalDate.parse("2025-12-31"))
                .orElseThrow()
                .value())
        .isEqualByComparingTo(new BigDecimal("0.02125"));
    assertThat(store.series(TreatmentChargeSeriesId.of(Element.CU, "SAMPLE")).size()).isEqualTo(4);
  }

  private static Path sample() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      final Path candidate = dir.resolve("docs/samples/fx-tc-rc-sample.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/samples not found above " + Path.of("").toAbsolutePath());
  }
}
