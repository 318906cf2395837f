package org.openmineral.domain.pricing;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A quotational period of one calendar month, counted in months from the month of shipment or
 * arrival: {@code M-1} is the month before, {@code M} the month of the event, {@code M+1} the month
 * after, and so on.
 *
 * <p>Formula: for event date {@code d}, the window is the calendar month {@code YearMonth(d) +
 * offset}, from its first to its last day. Example: arrival on 2025-10-14 with M+1 prices over
 * 2025-11-01..2025-11-30.
 *
 * @param event the event the months count from
 * @param monthOffset months after (positive) or before (negative) the event month
 */
public record RelativeMonthQp(QpEvent event, int monthOffset) implements QuotationalPeriod {
  public RelativeMonthQp {
    Objects.requireNonNull(event, "event");
    if (Math.abs(monthOffset) > 24) {
      throw new QuotationalPeriodException(
          "a quotational period of M" + sign(monthOffset) + " is not a plausible contract term");
    }
  }

  /** The month {@code offset} months after the month of shipment: {@code M+offset}. */
  public static RelativeMonthQp ofShipment(final int offset) {
    return new RelativeMonthQp(QpEvent.SHIPMENT, offset);
  }

  /** The month {@code offset} months after the month of arrival: {@code M+offset}. */
  public static RelativeMonthQp ofArrival(final int offset) {
    return new RelativeMonthQp(QpEvent.ARRIVAL, offset);
  }

  @Override
  public QpWindow window(final QpReferenceDates dates) {
    final var eventDate = dates.dateOf(event);
    final YearMonth month = YearMonth.from(eventDate).plusMonths(monthOffset);
    return QpWindow.month(
        month, notation() + " of " + event.label() + " " + eventDate + " = " + month);
  }

  @Override
  public String notation() {
    return "M" + sign(monthOffset) + " (" + event.label() + ")";
  }

  private static String sign(final int offset) {
    return offset == 0 ? "" : (offset > 0 ? "+" + offset : String.valueOf(offset));
  }

  @Override
  public String toString() {
    return notation();
  }
}
