package org.openmineral.domain.pricing;

import java.util.Objects;

/**
 * A row an import rejected or flagged, with the line it came from, the raw text and the reason in
 * business terms.
 *
 * @param line line number in the file (the header is line 1)
 * @param rawDate the date text as read
 * @param rawValue the value text as read
 * @param kind what is wrong
 * @param reason a sentence for the person who checks the import
 */
public record ImportIssue(int line, String rawDate, String rawValue, Kind kind, String reason) {

  /** What is wrong with a row. */
  public enum Kind {
    /** The row does not have a date and a value. */
    MALFORMED_ROW,
    /** The date cannot be read. */
    UNPARSEABLE_DATE,
    /** No value is given. */
    MISSING_VALUE,
    /** The value is not a number. */
    NON_NUMERIC_VALUE,
    /** The value is negative: no metal price (nor charge benchmark, in this store) can be. */
    NEGATIVE_PRICE,
    /** An exchange rate of zero or below: no currency is worth nothing. */
    NON_POSITIVE_RATE,
    /** A second row for a date already read from the same file. */
    DUPLICATE_DATE,
    /** The store already has a different value for the date; it is not overwritten. */
    CONFLICTS_WITH_STORED,
    /** The value moves more than the threshold against the previous value. */
    OUTLIER_MOVE,
    /** The value is zero: accepted, but suspicious for a metal price. */
    ZERO_PRICE,
    /** Pricing dates (weekdays, or months) with no row, before this row. */
    GAP,
    /** The row names a price series that cannot be read (multi-series files only). */
    UNKNOWN_SERIES
  }

  public ImportIssue {
    Objects.requireNonNull(rawDate, "rawDate");
    Objects.requireNonNull(rawValue, "rawValue");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "line " + line + " (" + rawDate + "," + rawValue + "): " + kind + ": " + reason;
  }
}
