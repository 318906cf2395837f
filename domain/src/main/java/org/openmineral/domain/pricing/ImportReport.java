package org.openmineral.domain.pricing;

import java.util.List;
import java.util.Objects;

/**
 * What an import of one series did: rows read, accepted (new or already stored with the same
 * value), rejected with reasons, and warnings on accepted rows (gaps, outliers, zero prices).
 * Nothing is dropped silently: {@code rowsRead == added + unchanged + rejected.size()}.
 *
 * @param series the series imported into
 * @param source the file or feed imported, for the audit trail
 * @param rowsRead data rows read (header excluded)
 * @param added rows whose date was new to the series
 * @param unchanged rows the series already held with the same value (a re-import)
 * @param rejected rows not imported, with reasons
 * @param warnings accepted rows a person should look at, and gaps
 */
public record ImportReport(
    SeriesId series,
    String source,
    int rowsRead,
    int added,
    int unchanged,
    List<ImportIssue> rejected,
    List<ImportIssue> warnings) {

  public ImportReport {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(source, "source");
    rejected = List.copyOf(rejected);
    warnings = List.copyOf(warnings);
    if (rowsRead != added + unchanged + rejected.size()) {
      throw new IllegalStateException(
          "import report does not add up: read "
              + rowsRead
              + " != added "
              + added
              + " + unchanged "
              + unchanged
              + " + rejected "
              + rejected.size());
    }
  }

  /** Rows now in the series: added plus unchanged. */
  public int accepted() {
    return added + unchanged;
  }

  /** True if every row was accepted and nothing was flagged. */
  public boolean isClean() {
    return rejected.isEmpty() && warnings.isEmpty();
  }

  /** The rejections and warnings of one kind. */
  public List<ImportIssue> issues(final ImportIssue.Kind kind) {
    return java.util.stream.Stream.concat(rejected.stream(), warnings.stream())
        .filter(i -> i.kind() == kind)
        .toList();
  }

  /** One line for logs: {@code "CU/WORLD_BANK_PINK_SHEET/USD_PER_T: read 791, added 791, ..."}. */
  public String summary() {
    return series
        + " from "
        + source
        + ": read "
        + rowsRead
        + ", added "
        + added
        + ", unchanged "
        + unchanged
        + ", rejected "
        + rejected.size()
        + ", warnings "
        + warnings.size();
  }
}
