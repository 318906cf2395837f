package org.openmineral.domain.credit;

import java.util.Objects;
import org.openmineral.domain.units.Money;

/** A deal agreed or in approval but not yet open, with the value that will be at credit. */
public record PendingDeal(String dealId, Money value) {
  public PendingDeal {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(value, "value");
    if (value.isNegative()) {
      throw new CreditInputException("pending deal " + dealId + ": value cannot be negative");
    }
  }
}
