package org.openmineral.domain.pnl;

import java.math.BigDecimal;
import org.openmineral.domain.units.Mass;
import org.openmineral.domain.units.Rounding;

/**
 * The metal a concentrate deal pays for, in tonnes: the quantity its open physical position is
 * marked on.
 *
 * <p>dry tonnes = wet tonnes x (100 - moisture %) / 100; contained = dry tonnes x assay % / 100 (or
 * dry tonnes x g/dmt / 1,000,000, or dry tonnes x ozt/dmt / 32,150.7466 ozt per tonne); payable =
 * contained x payable % / 100 (100 % when the terms give none for the metal).
 */
public final class PayableMetal {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal GRAMS_PER_TONNE = BigDecimal.valueOf(1_000_000);

  private PayableMetal() {}

  /** Dry tonnes of a quantity given wet (WMT) or dry (DMT). */
  public static BigDecimal dryTonnes(
      final BigDecimal quantity, final boolean wet, final BigDecimal moisturePct) {
    if (!wet) {
      return quantity;
    }
    return quantity
        .multiply(HUNDRED.subtract(moisturePct), Rounding.CALCULATION)
        .divide(HUNDRED, Rounding.CALCULATION);
  }

  /**
   * Payable tonnes of metal in {@code dryTonnes} assaying {@code assay} in {@code assayUnit}
   * ({@code PCT}, {@code G_PER_DMT}, {@code PPM}, {@code OZT_PER_DMT}), 4 places half up.
   */
  public static BigDecimal payableTonnes(
      final BigDecimal dryTonnes,
      final BigDecimal assay,
      final String assayUnit,
      final BigDecimal payablePct) {
    final BigDecimal contained =
        switch (assayUnit) {
          case "PCT" ->
              dryTonnes.multiply(assay, Rounding.CALCULATION).divide(HUNDRED, Rounding.CALCULATION);
          case "G_PER_DMT", "PPM" ->
              dryTonnes
                  .multiply(assay, Rounding.CALCULATION)
                  .divide(GRAMS_PER_TONNE, Rounding.CALCULATION);
          case "OZT_PER_DMT" ->
              dryTonnes
                  .multiply(assay, Rounding.CALCULATION)
                  .divide(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
          default -> throw new PnlInputException("unknown assay unit " + assayUnit);
        };
    final BigDecimal pct = payablePct == null ? HUNDRED : payablePct;
    return Rounding.quantity(
        contained.multiply(pct, Rounding.CALCULATION).divide(HUNDRED, Rounding.CALCULATION),
        MarkToMarket.TONNES_SCALE);
  }
}
