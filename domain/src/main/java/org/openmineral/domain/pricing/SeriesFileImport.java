package org.openmineral.domain.pricing;

import java.util.List;
import java.util.Map;

/**
 * What the import of one file or feed did: a report per series, the rows that belong to no series
 * (their series code cannot be read), and the columns not imported with the reason.
 */
public record SeriesFileImport(
    List<ImportReport> series, List<ImportIssue> unassigned, Map<String, String> skippedColumns) {
  public SeriesFileImport {
    series = List.copyOf(series);
    unassigned = List.copyOf(unassigned);
    skippedColumns = Map.copyOf(skippedColumns);
  }

  /** The same outcome for a Pink Sheet import. */
  public static SeriesFileImport of(final PinkSheetImport pinkSheet) {
    return new SeriesFileImport(pinkSheet.series(), List.of(), pinkSheet.skippedColumns());
  }

  /** Rows read, over every series and the unassigned rows. */
  public int rowsRead() {
    return series.stream().mapToInt(ImportReport::rowsRead).sum() + unassigned.size();
  }

  public int added() {
    return series.stream().mapToInt(ImportReport::added).sum();
  }

  public int unchanged() {
    return series.stream().mapToInt(ImportReport::unchanged).sum();
  }

  public int rejected() {
    return series.stream().mapToInt(r -> r.rejected().size()).sum() + unassigned.size();
  }

  /** Warnings (gaps, outliers, zero prices) over every series. */
  public int flagged() {
    return series.stream().mapToInt(r -> r.warnings().size()).sum();
  }
}
