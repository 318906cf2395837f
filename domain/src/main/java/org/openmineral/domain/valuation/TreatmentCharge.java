package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Rounding;

/**
 * The smelter's charge per dry tonne treated, optionally moving with the metal price (price
 * participation) and bounded by a floor and a ceiling.
 *
 * @param escalator price participation, or null
 * @param minUsdPerDmt floor of the escalated charge, or null
 * @param maxUsdPerDmt ceiling of the escalated charge, or null
 */
public record TreatmentCharge(
    BigDecimal usdPerDmt,
    PriceEscalator escalator,
    BigDecimal minUsdPerDmt,
    BigDecimal maxUsdPerDmt) {

  public TreatmentCharge {
    Objects.requireNonNull(usdPerDmt, "usdPerDmt");
  }

  public static TreatmentCharge flat(final String usdPerDmt) {
    return new TreatmentCharge(new BigDecimal(usdPerDmt), null, null, null);
  }

  public TreatmentCharge escalatedBy(final PriceEscalator priceEscalator) {
    return new TreatmentCharge(usdPerDmt, priceEscalator, minUsdPerDmt, maxUsdPerDmt);
  }

  /** The charge in USD/dmt at the escalator's metal price (ignored without an escalator). */
  public BigDecimal chargeAt(final BigDecimal basisPricePerTonne) {
    BigDecimal charge = usdPerDmt;
    if (escalator != null) {
      charge = charge.add(escalator.adjustment(basisPricePerTonne), Rounding.CALCULATION);
    }
    if (minUsdPerDmt != null) {
      charge = charge.max(minUsdPerDmt);
    }
    if (maxUsdPerDmt != null) {
      charge = charge.min(maxUsdPerDmt);
    }
    return charge;
  }
}
