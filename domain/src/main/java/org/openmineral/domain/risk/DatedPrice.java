package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One observation of a price series: the price on (or for the period starting on) a date. */
public record DatedPrice(LocalDate date, BigDecimal price) {
  public DatedPrice {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(price, "price");
    if (price.signum() <= 0) {
      throw new RiskInputException("price on " + date + " must be positive, got " + price);
    }
  }

  public static DatedPrice of(final LocalDate date, final String price) {
    return new DatedPrice(date, new BigDecimal(price));
  }
}
