package org.openmineral.domain.valuation;

import java.math.BigDecimal;

/**
 * One tier of a price escalator: {@code ratePerUsd} (USD/dmt of treatment charge per USD/t of metal
 * price) applies to the part of the price move up to {@code limitPrice} (USD/t; null for no limit).
 * Above the base price tiers are ordered upwards, below it downwards. A tier with rate zero is a
 * cap: the price moves beyond its limit no longer change the charge.
 */
public record EscalationTier(BigDecimal limitPrice, BigDecimal ratePerUsd) {
  public static EscalationTier to(final String limitPrice, final String ratePerUsd) {
    return new EscalationTier(
        limitPrice == null ? null : new BigDecimal(limitPrice), new BigDecimal(ratePerUsd));
  }

  public static EscalationTier unlimited(final String ratePerUsd) {
    return new EscalationTier(null, new BigDecimal(ratePerUsd));
  }
}
