package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import org.openmineral.domain.units.Rounding;

/**
 * How far a leg's pricing has run on a date: {@code pricedDays} of {@code totalDays} pricing days
 * have passed. A fixed price is one pricing day that has passed or not.
 */
public record PricingProgress(int pricedDays, int totalDays) {
  public PricingProgress {
    if (totalDays <= 0 || pricedDays < 0 || pricedDays > totalDays) {
      throw new HedgingInputException(
          "pricing progress must satisfy 0 <= priced <= total and total > 0, got "
              + pricedDays
              + " of "
              + totalDays);
    }
  }

  /** {@code pricedDays / totalDays} to {@link Rounding#CALCULATION}. */
  public BigDecimal fraction() {
    return BigDecimal.valueOf(pricedDays)
        .divide(BigDecimal.valueOf(totalDays), Rounding.CALCULATION);
  }

  /**
   * The priced part of {@code quantity}: {@code quantity x pricedDays / totalDays}, multiplied
   * before dividing so that a whole or empty period gives the quantity or zero exactly.
   */
  public BigDecimal pricedPartOf(final BigDecimal quantity) {
    if (pricedDays == 0) {
      return BigDecimal.ZERO;
    }
    if (pricedDays == totalDays) {
      return quantity;
    }
    return quantity
        .multiply(BigDecimal.valueOf(pricedDays))
        .divide(BigDecimal.valueOf(totalDays), Rounding.CALCULATION);
  }

  public boolean complete() {
    return pricedDays == totalDays;
  }

  @Override
  public String toString() {
    return pricedDays + "/" + totalDays + " pricing days";
  }
}
