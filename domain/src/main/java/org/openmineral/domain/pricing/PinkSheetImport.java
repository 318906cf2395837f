package org.openmineral.domain.pricing;

import java.util.List;
import java.util.Map;

/**
 * What an import of the World Bank Pink Sheet extract did: one {@link ImportReport} per metal
 * series, and the columns not imported with the reason.
 */
public record PinkSheetImport(List<ImportReport> series, Map<String, String> skippedColumns) {
  public PinkSheetImport {
    series = List.copyOf(series);
    skippedColumns = Map.copyOf(skippedColumns);
  }

  /** The report of the series for {@code id}. */
  public ImportReport report(final PriceSeriesId id) {
    return series.stream()
        .filter(r -> r.series().equals(id))
        .findFirst()
        .orElseThrow(() -> new UnknownPriceSeriesException("no import report for " + id));
  }
}
