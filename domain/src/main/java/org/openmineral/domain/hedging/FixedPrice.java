package org.openmineral.domain.hedging;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A price agreed on {@code fixedOn}: the whole leg is priced from that date on (one pricing day
 * that has passed once {@code asOf >= fixedOn}).
 */
public record FixedPrice(LocalDate fixedOn) implements Pricing {
  public FixedPrice {
    Objects.requireNonNull(fixedOn, "fixedOn");
  }

  @Override
  public PricingProgress progressOn(final LocalDate asOf) {
    return new PricingProgress(asOf.isBefore(fixedOn) ? 0 : 1, 1);
  }

  @Override
  public String describe() {
    return "fixed on " + fixedOn;
  }
}
