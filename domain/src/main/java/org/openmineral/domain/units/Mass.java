package org.openmineral.domain.units;

import java.math.BigDecimal;

/**
 * Exact mass conversions used in metals trading.
 *
 * <p>Sources: the international avoirdupois pound is exactly 0.45359237 kg and the troy ounce
 * exactly 31.1034768 g (International Yard and Pound Agreement, 1959; NIST Handbook 44, Appendix
 * C).
 */
public final class Mass {
  /** Kilograms in one avoirdupois pound, exactly. */
  public static final BigDecimal KG_PER_POUND = new BigDecimal("0.45359237");

  /** Grams in one troy ounce, exactly. */
  public static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");

  /** Pounds in one metric tonne: 1000 / 0.45359237 (to 34 significant digits). */
  public static final BigDecimal POUNDS_PER_TONNE =
      new BigDecimal("1000").divide(KG_PER_POUND, Rounding.CALCULATION);

  /** Troy ounces in one metric tonne: 1,000,000 / 31.1034768 (to 34 significant digits). */
  public static final BigDecimal TROY_OUNCES_PER_TONNE =
      new BigDecimal("1000000").divide(GRAMS_PER_TROY_OUNCE, Rounding.CALCULATION);

  private Mass() {}

  /** Troy ounces in {@code grams}. */
  public static BigDecimal gramsToTroyOunces(final BigDecimal grams) {
    return grams.divide(GRAMS_PER_TROY_OUNCE, Rounding.CALCULATION);
  }

  /** Pounds in {@code tonnes} metric tonnes. */
  public static BigDecimal tonnesToPounds(final BigDecimal tonnes) {
    return tonnes.multiply(POUNDS_PER_TONNE, Rounding.CALCULATION);
  }
}
