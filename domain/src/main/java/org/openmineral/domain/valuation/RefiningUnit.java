package org.openmineral.domain.valuation;

/** What a refining charge is quoted per. */
public enum RefiningUnit {
  /** USD per payable pound (copper: "8.0 USc/lb"). */
  USD_PER_LB,
  /** USD per payable troy ounce (gold, silver). */
  USD_PER_OZT,
  /** USD per payable metric tonne. */
  USD_PER_T
}
