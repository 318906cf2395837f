package org.openmineral.domain.units;

import java.math.BigDecimal;
import java.util.Objects;

/** A USD price of metal in a quoting unit, e.g. 9,000 USD/t or 2,000 USD/ozt. */
public record Price(BigDecimal value, PriceUnit unit) {
  public Price {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a price cannot be negative: " + value);
    }
  }

  public static Price of(final String value, final PriceUnit unit) {
    return new Price(new BigDecimal(value), unit);
  }

  /** USD per metric tonne of metal. */
  public BigDecimal perTonne() {
    return value.multiply(unit.unitsPerTonne(), Rounding.CALCULATION);
  }

  /** USD per troy ounce of metal. */
  public BigDecimal perTroyOunce() {
    return perTonne().divide(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
  }

  /** USD per pound of metal. */
  public BigDecimal perPound() {
    return perTonne().divide(Mass.POUNDS_PER_TONNE, Rounding.CALCULATION);
  }
}
