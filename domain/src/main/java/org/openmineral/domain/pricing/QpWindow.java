package org.openmineral.domain.pricing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The calendar dates a quotational period covers, first and last day inclusive, with a label that
 * says how they were derived (e.g. {@code "M+1 of arrival 2025-10-14 = 2025-11"}).
 */
public record QpWindow(LocalDate firstDay, LocalDate lastDay, String label) {
  public QpWindow {
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(label, "label");
    if (lastDay.isBefore(firstDay)) {
      throw new QuotationalPeriodException(
          "a quotational period cannot end (" + lastDay + ") before it starts (" + firstDay + ")");
    }
  }

  /** The whole calendar month {@code month}. */
  public static QpWindow month(final YearMonth month, final String label) {
    return new QpWindow(month.atDay(1), month.atEndOfMonth(), label);
  }

  public boolean contains(final LocalDate date) {
    return !date.isBefore(firstDay) && !date.isAfter(lastDay);
  }

  /** True if the window starts on the first of a month and ends on the last of a month. */
  public boolean isWholeMonths() {
    return firstDay.getDayOfMonth() == 1 && lastDay.equals(YearMonth.from(lastDay).atEndOfMonth());
  }

  @Override
  public String toString() {
    return label + " [" + firstDay + ".." + lastDay + "]";
  }
}
