package org.openmineral.domain.units;

import java.math.BigDecimal;

/** How a metal price is quoted, and how to turn it into USD per metric tonne of metal. */
public enum PriceUnit {
  /** USD per metric tonne (LME base metals). */
  USD_PER_T(BigDecimal.ONE),
  /** USD per kilogram. */
  USD_PER_KG(new BigDecimal("1000")),
  /** USD per avoirdupois pound (COMEX copper, cobalt). */
  USD_PER_LB(Mass.POUNDS_PER_TONNE),
  /** USD per troy ounce (LBMA gold, silver, PGMs). */
  USD_PER_OZT(Mass.TROY_OUNCES_PER_TONNE);

  private final BigDecimal unitsPerTonne;

  PriceUnit(final BigDecimal unitsPerTonne) {
    this.unitsPerTonne = unitsPerTonne;
  }

  /** How many of this unit's mass units make one metric tonne. */
  public BigDecimal unitsPerTonne() {
    return unitsPerTonne;
  }
}
