package org.openmineral.domain.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One official price of a series: the value published for a date (a business day for daily series,
 * the first day of the month for monthly series), in the series' unit.
 *
 * @param date the fixing date
 * @param value the price, never negative, in the unit of its {@link SeriesId}
 */
public record PriceFixing(LocalDate date, BigDecimal value) {
  public PriceFixing {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          "a price fixing cannot be negative: " + date + " " + value);
    }
  }

  public static PriceFixing of(final LocalDate date, final String value) {
    return new PriceFixing(date, new BigDecimal(value));
  }
}
