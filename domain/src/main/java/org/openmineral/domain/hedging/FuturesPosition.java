package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open futures hedge: {@code lots} of {@code contract}, positive long, negative short. A futures
 * position is priced in full from the day it is traded, so it counts in full in the flat-price
 * exposure.
 */
public record FuturesPosition(String id, ExchangeContract contract, long lots) {
  public FuturesPosition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contract, "contract");
    if (lots == 0) {
      throw new HedgingInputException("futures position " + id + " has no lots");
    }
  }

  /** Signed metal quantity: {@code lots x lotSize}. */
  public BigDecimal quantity() {
    return contract.lotSize().multiply(BigDecimal.valueOf(lots));
  }
}
