package org.openmineral.domain.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * OpenMineral's rounding policy, in one place so every figure can be traced.
 *
 * <ul>
 *   <li>Intermediate results keep 34 significant digits ({@link #CALCULATION}, IEEE 754
 *       decimal128): no intermediate rounding that could move a cent.
 *   <li>Money is rounded once, at the edge, to the currency's minor unit (2 places for USD) half
 *       up, as commercial invoices are ({@link #money}).
 *   <li>Per-tonne figures shown in breakdowns keep 4 places ({@link #rate}); quantities 4 places
 *       for tonnes, 3 for troy ounces and pounds ({@link #quantity}).
 * </ul>
 */
public final class Rounding {
  /** Precision for every intermediate result. */
  public static final MathContext CALCULATION = MathContext.DECIMAL128;

  /** Commercial rounding of amounts: half up. */
  public static final RoundingMode COMMERCIAL = RoundingMode.HALF_UP;

  private Rounding() {}

  /** An amount of money rounded to {@code minorUnits} places, half up. */
  public static BigDecimal money(final BigDecimal amount, final int minorUnits) {
    return amount.setScale(minorUnits, COMMERCIAL);
  }

  /** A per-unit rate (e.g. USD per dry tonne) for display: 4 places, half up. */
  public static BigDecimal rate(final BigDecimal value) {
    return value.setScale(4, COMMERCIAL);
  }

  /** A quantity for display at the given scale, half up. */
  public static BigDecimal quantity(final BigDecimal value, final int scale) {
    return value.setScale(scale, COMMERCIAL);
  }
}
