package org.openmineral.domain.credit;

import java.util.Objects;
import org.openmineral.domain.units.Money;

/**
 * A deal with the counterparty not yet invoiced, with its mark-to-market from our side: positive
 * when the deal is worth more to us at today's prices than agreed (what we would lose, to replace
 * it, if the counterparty defaulted), negative when it is worth less.
 */
public record OpenDeal(String dealId, Money markToMarket) {
  public OpenDeal {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(markToMarket, "markToMarket");
  }
}
