package org.openmineral.domain.hedging;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * A quotational period (QP): the leg is priced at the average of the official price over the
 * pricing days from {@code first} to {@code last} inclusive. Pricing days are Monday to Friday
 * except the given {@code holidays} (exchange non-business days, supplied by the caller; none by
 * default).
 *
 * <p>Exposure rule: each pricing day fixes {@code 1 / N} of the leg's quantity, where N is the
 * number of pricing days in the period. At the end of date d the leg is priced for the pricing days
 * {@code <= d} (the day's official price is published that day). So on date d the priced quantity
 * is {@code Q x n(d) / N}.
 *
 * <p>Source for QP pricing of concentrates and refined metal as the average of a month's official
 * prices, M+1/M+2 conventions: LME Insight, "Physical and financial hedging: beginner's guide"
 * (lme.com); Financely, "How to hedge metals that aren't on LME or CME: copper concentrate as a
 * case study" (financely-group.com).
 */
public record QpPricing(LocalDate first, LocalDate last, Set<LocalDate> holidays)
    implements Pricing {
  public QpPricing {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    if (last.isBefore(first)) {
      throw new HedgingInputException("QP ends (" + last + ") before it starts (" + first + ")");
    }
    if (countPricingDays(first, last, holidays) == 0) {
      throw new HedgingInputException(
          "QP " + first + ".." + last + " has no pricing day (weekdays other than holidays)");
    }
  }

  /** A QP from {@code first} to {@code last} with every weekday a pricing day. */
  /** Priced over a quotational period resolved by {@link org.openmineral.domain.pricing}. */
  public static QpPricing over(
      final org.openmineral.domain.pricing.QpWindow window, final Set<LocalDate> holidays) {
    return new QpPricing(window.firstDay(), window.lastDay(), holidays);
  }

  public static QpPricing between(final LocalDate first, final LocalDate last) {
    return new QpPricing(first, last, Set.of());
  }

  /** The calendar month {@code month} as a QP. */
  public static QpPricing month(final YearMonth month) {
    return between(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * The month {@code monthsAfter} months after {@code reference}: M+1 of a February shipment is
   * March.
   */
  public static QpPricing monthAfter(final YearMonth reference, final int monthsAfter) {
    return month(reference.plusMonths(monthsAfter));
  }

  /** N: the pricing days in the period. */
  public int pricingDays() {
    return countPricingDays(first, last, holidays);
  }

  @Override
  public PricingProgress progressOn(final LocalDate asOf) {
    final int total = pricingDays();
    if (asOf.isBefore(first)) {
      return new PricingProgress(0, total);
    }
    if (!asOf.isBefore(last)) {
      return new PricingProgress(total, total);
    }
    return new PricingProgress(countPricingDays(first, asOf, holidays), total);
  }

  @Override
  public String describe() {
    return "QP " + first + ".." + last + " (" + pricingDays() + " pricing days)";
  }

  private static int countPricingDays(
      final LocalDate from, final LocalDate to, final Set<LocalDate> holidays) {
    int days = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      final DayOfWeek dow = d.getDayOfWeek();
      if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(d)) {
        days++;
      }
    }
    return days;
  }
}
