package org.openmineral.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openmineral.domain.units.Rounding;

/**
 * Validates the rows of one series against the rules and what the store already holds. Pure: it
 * returns the report and the fixings to add, and changes nothing.
 *
 * <p>The kind of series decides which values are acceptable: a metal price must not be negative and
 * a zero is flagged; an exchange rate must be above zero; a TC/RC benchmark must not be negative,
 * and a zero is a plain value (the 2026 copper concentrate benchmark TC was settled at zero).
 */
final class SeriesImport {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** The outcome: the report and the new fixings to add to the series. */
  record Outcome(ImportReport report, List<PriceFixing> toAdd) {}

  private SeriesImport() {}

  static Outcome validate(
      final SeriesId id,
      final SeriesFrequency frequency,
      final PriceSeries existing,
      final List<RawPriceRow> rows,
      final String source,
      final ImportRules rules) {
    final List<ImportIssue> rejected = new ArrayList<>();
    final List<ImportIssue> warnings = new ArrayList<>();
    final Map<LocalDate, RawPriceRow> firstRowOfDate = new HashMap<>();
    final NavigableMap<LocalDate, Accepted> accepted = new TreeMap<>();

    for (final RawPriceRow row : rows) {
      final String rawDate = row.rawDate() == null ? "" : row.rawDate().trim();
      final String rawValue = row.rawValue() == null ? "" : row.rawValue().trim();
      if (row.rawDate() == null || row.rawValue() == null) {
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.MALFORMED_ROW,
                row.rawDate() == null
                    ? "blank line; expected a date and a value"
                    : "expected exactly a date and a value"));
        continue;
      }
      final LocalDate date;
      try {
        date = parseDate(rawDate, frequency);
      } catch (final DateTimeParseException e) {
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.UNPARSEABLE_DATE,
                "'"
                    + rawDate
                    + "' is not a "
                    + switch (frequency) {
                      case MONTHLY -> "YYYY-MM month";
                      case ANNUAL -> "YYYY year";
                      case DAILY -> "YYYY-MM-DD date";
                    }));
        continue;
      }
      if (rawValue.isEmpty()) {
        rejected.add(issue(row, ImportIssue.Kind.MISSING_VALUE, "no value given for " + date));
        continue;
      }
      final BigDecimal value;
      try {
        value = new BigDecimal(rawValue);
      } catch (final NumberFormatException e) {
        rejected.add(
            issue(row, ImportIssue.Kind.NON_NUMERIC_VALUE, "'" + rawValue + "' is not a number"));
        continue;
      }
      if (id.kind() == SeriesKind.FX && value.signum() <= 0) {
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.NON_POSITIVE_RATE,
                "an exchange rate must be above zero, got " + rawValue));
        continue;
      }
      if (value.signum() < 0) {
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.NEGATIVE_PRICE,
                id.kind() == SeriesKind.PRICE
                    ? "a metal price cannot be negative"
                    : "a negative charge benchmark is not accepted by the store"));
        continue;
      }
      final RawPriceRow first = firstRowOfDate.putIfAbsent(date, row);
      if (first != null) {
        final Accepted earlier = accepted.get(date);
        final boolean same = earlier != null && earlier.value.compareTo(value) == 0;
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.DUPLICATE_DATE,
                date
                    + " already given on line "
                    + first.line()
                    + (same
                        ? " with the same value"
                        : " (value there: " + first.rawValue() + ")")));
        continue;
      }
      final BigDecimal stored = existing == null ? null : existing.valueOn(date).orElse(null);
      if (stored != null && stored.compareTo(value) != 0) {
        rejected.add(
            issue(
                row,
                ImportIssue.Kind.CONFLICTS_WITH_STORED,
                "the series already holds "
                    + stored.toPlainString()
                    + " for "
                    + date
                    + "; a stored price is never overwritten by an import"));
        continue;
      }
      accepted.put(date, new Accepted(row, value, stored != null));
    }

    // Outliers: each accepted row against the previous value of the series as it will be.
    final NavigableMap<LocalDate, BigDecimal> merged = new TreeMap<>();
    if (existing != null) {
      existing.fixings().forEach(f -> merged.put(f.date(), f.value()));
    }
    accepted.forEach((d, a) -> merged.put(d, a.value));
    final List<LocalDate> outliersRejected = new ArrayList<>();
    for (final Map.Entry<LocalDate, Accepted> e : accepted.entrySet()) {
      final Accepted a = e.getValue();
      if (a.value.signum() == 0 && id.kind() == SeriesKind.PRICE) {
        warnings.add(issue(a.row, ImportIssue.Kind.ZERO_PRICE, "a zero price for " + e.getKey()));
      }
      final Map.Entry<LocalDate, BigDecimal> previous = merged.lowerEntry(e.getKey());
      if (previous == null || previous.getValue().signum() == 0) {
        continue;
      }
      final BigDecimal movePercent =
          a.value
              .divide(previous.getValue(), Rounding.CALCULATION)
              .subtract(BigDecimal.ONE)
              .multiply(HUNDRED)
              .abs();
      if (movePercent.compareTo(rules.maxMovePercent()) > 0) {
        final ImportIssue outlier =
            issue(
                a.row,
                ImportIssue.Kind.OUTLIER_MOVE,
                "moves "
                    + movePercent.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + "% against "
                    + previous.getValue().toPlainString()
                    + " on "
                    + previous.getKey()
                    + " (threshold "
                    + rules.maxMovePercent().toPlainString()
                    + "%)");
        if (rules.outliers() == ImportRules.OutlierHandling.REJECT && !a.alreadyStored) {
          rejected.add(outlier);
          outliersRejected.add(e.getKey());
          // later rows are measured against the last value kept, not against the rejected one
          merged.remove(e.getKey());
        } else {
          warnings.add(outlier);
        }
      }
    }
    outliersRejected.forEach(accepted::remove);

    // Gaps between consecutive accepted rows of this file.
    LocalDate before = null;
    for (final Map.Entry<LocalDate, Accepted> e : accepted.entrySet()) {
      if (before != null) {
        final long missing = missingPricingDates(before, e.getKey(), frequency);
        if (missing > 0) {
          warnings.add(
              issue(
                  e.getValue().row,
                  ImportIssue.Kind.GAP,
                  missing
                      + switch (frequency) {
                        case MONTHLY -> " month(s) without a value";
                        case ANNUAL -> " year(s) without a value";
                        case DAILY ->
                            " weekday(s) without a value (exchange holiday or missing data)";
                      }
                      + " between "
                      + before
                      + " and "
                      + e.getKey()));
        }
      }
      before = e.getKey();
    }
    warnings.sort(
        java.util.Comparator.comparingInt(ImportIssue::line).thenComparing(ImportIssue::kind));

    final List<PriceFixing> toAdd = new ArrayList<>();
    int unchanged = 0;
    for (final Map.Entry<LocalDate, Accepted> e : accepted.entrySet()) {
      if (e.getValue().alreadyStored) {
        unchanged++;
      } else {
        toAdd.add(new PriceFixing(e.getKey(), e.getValue().value));
      }
    }
    rejected.sort(java.util.Comparator.comparingInt(ImportIssue::line));
    final ImportReport report =
        new ImportReport(id, source, rows.size(), toAdd.size(), unchanged, rejected, warnings);
    return new Outcome(report, toAdd);
  }

  static LocalDate parseDate(final String raw, final SeriesFrequency frequency) {
    return switch (frequency) {
      case MONTHLY -> YearMonth.parse(raw).atDay(1);
      case ANNUAL -> Year.parse(raw).atDay(1);
      case DAILY -> LocalDate.parse(raw);
    };
  }

  private static long missingPricingDates(
      final LocalDate from, final LocalDate to, final SeriesFrequency frequency) {
    if (frequency == SeriesFrequency.MONTHLY) {
      return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) - 1;
    }
    if (frequency == SeriesFrequency.ANNUAL) {
      return ChronoUnit.YEARS.between(Year.from(from), Year.from(to)) - 1;
    }
    long weekdays = 0;
    for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        weekdays++;
      }
    }
    return weekdays;
  }

  private static ImportIssue issue(
      final RawPriceRow row, final ImportIssue.Kind kind, final String reason) {
    return new ImportIssue(
        row.line(),
        row.rawDate() == null ? "" : row.rawDate(),
        row.rawValue() == null ? "" : row.rawValue(),
        kind,
        reason);
  }

  private record Accepted(RawPriceRow row, BigDecimal value, boolean alreadyStored) {}
}
