package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leg's part of the exposure on a date.
 *
 * @param leg the leg
 * @param progress pricing days passed of the total
 * @param pricedQuantity {@code quantity x pricedDays / totalDays}, unsigned
 * @param unpricedQuantity {@code quantity - pricedQuantity}, unsigned
 * @param flatPriceContribution {@code sign x pricedQuantity}: + for a purchase, - for a sale
 */
public record LegExposure(
    PhysicalLeg leg,
    PricingProgress progress,
    BigDecimal pricedQuantity,
    BigDecimal unpricedQuantity,
    BigDecimal flatPriceContribution) {
  public LegExposure {
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(pricedQuantity, "pricedQuantity");
    Objects.requireNonNull(unpricedQuantity, "unpricedQuantity");
    Objects.requireNonNull(flatPriceContribution, "flatPriceContribution");
  }

  /** The leg's exposure at the end of {@code progress}. */
  public static LegExposure of(final PhysicalLeg leg, final PricingProgress progress) {
    final BigDecimal priced = progress.pricedPartOf(leg.quantity());
    final BigDecimal unpriced = leg.quantity().subtract(priced);
    final BigDecimal signed = leg.direction() == Direction.PURCHASE ? priced : priced.negate();
    return new LegExposure(leg, progress, priced, unpriced, signed);
  }
}
