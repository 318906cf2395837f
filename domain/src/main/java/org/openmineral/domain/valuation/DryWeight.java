package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import org.openmineral.domain.units.Rounding;

/**
 * From wet to payable dry weight: {@code dmt = wmt × (1 − moisture/100)}, then the weight franchise
 * (an agreed allowance for handling losses) is deducted: {@code payable dmt = dmt × (1 −
 * franchise/100)}. All figures keep full precision; round only to show them.
 *
 * @param wetTonnes wet metric tonnes weighed
 * @param moisturePct moisture, percent of the wet weight
 * @param moistureTonnes water removed
 * @param dryTonnesBeforeFranchise dry weight
 * @param franchisePct weight franchise, percent of the dry weight (0 if none)
 * @param franchiseTonnes weight deducted by the franchise
 * @param dryTonnes payable dry metric tonnes, on which the lot is valued
 */
public record DryWeight(
    BigDecimal wetTonnes,
    BigDecimal moisturePct,
    BigDecimal moistureTonnes,
    BigDecimal dryTonnesBeforeFranchise,
    BigDecimal franchisePct,
    BigDecimal franchiseTonnes,
    BigDecimal dryTonnes) {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /**
   * @throws InvalidValuationInput for negative tonnage, moisture outside [0, 100) or a franchise
   *     outside [0, 100)
   */
  public static DryWeight of(
      final BigDecimal wetTonnes, final BigDecimal moisturePct, final BigDecimal franchisePct) {
    if (wetTonnes == null) {
      throw new InvalidValuationInput("wetTonnes", "is required");
    }
    if (wetTonnes.signum() < 0) {
      throw new InvalidValuationInput("wetTonnes", "cannot be negative, was " + wetTonnes);
    }
    final BigDecimal moisture = moisturePct == null ? BigDecimal.ZERO : moisturePct;
    if (moisture.signum() < 0 || moisture.compareTo(HUNDRED) >= 0) {
      throw new InvalidValuationInput(
          "moisturePct", "must be at least 0 and below 100, was " + moisture);
    }
    final BigDecimal franchise = franchisePct == null ? BigDecimal.ZERO : franchisePct;
    if (franchise.signum() < 0 || franchise.compareTo(HUNDRED) >= 0) {
      throw new InvalidValuationInput(
          "franchisePct", "must be at least 0 and below 100, was " + franchise);
    }
    final BigDecimal water =
        wetTonnes.multiply(moisture, Rounding.CALCULATION).divide(HUNDRED, Rounding.CALCULATION);
    final BigDecimal dry = wetTonnes.subtract(water, Rounding.CALCULATION);
    final BigDecimal franchiseTonnes =
        dry.multiply(franchise, Rounding.CALCULATION).divide(HUNDRED, Rounding.CALCULATION);
    return new DryWeight(
        wetTonnes,
        moisture,
        water,
        dry,
        franchise,
        franchiseTonnes,
        dry.subtract(franchiseTonnes, Rounding.CALCULATION));
  }
}
