package org.openmineral.domain.risk;

import java.math.BigDecimal;

/** The counterparty's know-your-customer risk rating and its sub-score (0 low, 100 high). */
public enum KycRating {
  LOW(0),
  MEDIUM(50),
  HIGH(100);

  private final BigDecimal subScore;

  KycRating(final int subScore) {
    this.subScore = BigDecimal.valueOf(subScore);
  }

  public BigDecimal subScore() {
    return subScore;
  }
}
