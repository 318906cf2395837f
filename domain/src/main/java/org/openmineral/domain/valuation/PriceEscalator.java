package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * Price participation on the treatment charge: the charge moves with the metal price around a base
 * price, by tier. For a price P above the base B, each up-tier adds {@code rate × (min(P, limit) −
 * start)} where {@code start} is the previous tier's limit (B for the first); below the base each
 * down-tier subtracts {@code rate × (start − max(P, limit))}.
 *
 * <p>Example (Datamine MineMarket documentation, "Treatment Charges", zinc contract): TC 100
 * USD/dmt at a base of 1,000 USD/t; below 1,000: −0.145 per USD; 1,000–1,100: +0.15 per USD; above
 * 1,100: +0.16 per USD. At 1,150 USD/t the TC is 100 + 100 × 0.15 + 50 × 0.16 = 123 USD/dmt.
 *
 * @param basis the metal whose price drives the escalator
 * @param basePrice USD/t at which the charge is the base charge
 * @param up tiers above the base, in increasing price order
 * @param down tiers below the base, in decreasing price order
 */
public record PriceEscalator(
    Element basis, BigDecimal basePrice, List<EscalationTier> up, List<EscalationTier> down) {

  public PriceEscalator {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(basePrice, "basePrice");
    up = up == null ? List.of() : List.copyOf(up);
    down = down == null ? List.of() : List.copyOf(down);
  }

  /** USD/dmt added to (positive) or taken from (negative) the base charge at {@code price}. */
  public BigDecimal adjustment(final BigDecimal price) {
    BigDecimal total = BigDecimal.ZERO;
    if (price.compareTo(basePrice) > 0) {
      BigDecimal start = basePrice;
      for (final EscalationTier tier : up) {
        final BigDecimal end = tier.limitPrice() == null ? price : tier.limitPrice().min(price);
        if (end.compareTo(start) > 0) {
          total =
              total.add(
                  end.subtract(start).multiply(tier.ratePerUsd(), Rounding.CALCULATION),
                  Rounding.CALCULATION);
        }
        if (tier.limitPrice() == null || tier.limitPrice().compareTo(price) >= 0) {
          break;
        }
        start = tier.limitPrice();
      }
    } else if (price.compareTo(basePrice) < 0) {
      BigDecimal start = basePrice;
      for (final EscalationTier tier : down) {
        final BigDecimal end = tier.limitPrice() == null ? price : tier.limitPrice().max(price);
        if (start.compareTo(end) > 0) {
          total =
              total.subtract(
                  start.subtract(end).multiply(tier.ratePerUsd(), Rounding.CALCULATION),
                  Rounding.CALCULATION);
        }
        if (tier.limitPrice() == null || tier.limitPrice().compareTo(price) <= 0) {
          break;
        }
        start = tier.limitPrice();
      }
    }
    return total;
  }
}
