package org.openmineral.domain.risk;

import java.math.BigDecimal;

/** A country's risk rating for dealing with a counterparty there, and its sub-score. */
public enum CountryRating {
  LOW(10),
  MEDIUM(35),
  HIGH(75),
  SEVERE(100);

  private final BigDecimal subScore;

  CountryRating(final int subScore) {
    this.subScore = BigDecimal.valueOf(subScore);
  }

  public BigDecimal subScore() {
    return subScore;
  }
}
