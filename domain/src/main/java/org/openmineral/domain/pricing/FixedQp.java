package org.openmineral.domain.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A quotational period fixed in the contract as a date range, first and last day inclusive,
 * whatever the shipment and arrival dates.
 */
public record FixedQp(LocalDate firstDay, LocalDate lastDay) implements QuotationalPeriod {
  public FixedQp {
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    if (lastDay.isBefore(firstDay)) {
      throw new QuotationalPeriodException(
          "a fixed quotational period cannot end ("
              + lastDay
              + ") before it starts ("
              + firstDay
              + ")");
    }
  }

  @Override
  public QpWindow window(final QpReferenceDates dates) {
    return new QpWindow(firstDay, lastDay, notation());
  }

  @Override
  public String notation() {
    return "fixed " + firstDay + ".." + lastDay;
  }

  @Override
  public String toString() {
    return notation();
  }
}
