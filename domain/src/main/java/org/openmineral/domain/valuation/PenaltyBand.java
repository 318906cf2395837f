package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.openmineral.domain.units.Rounding;

/**
 * One band of a penalty scale, in the units of the element's assay: for the content between {@code
 * threshold} and {@code upTo} (null: no upper bound), {@code usdPerStep} per {@code step} of
 * content, either pro rata (fractions of a step count) or for whole steps only (a started step
 * counts only once complete).
 *
 * <p>Example: "As: USD 3.00 per 0.1 % above 0.2 %, pro rata" charges 0.35 % As with (0.35 − 0.2) /
 * 0.1 × 3.00 = 4.50 USD/dmt; for whole steps only, ⌊1.5⌋ × 3.00 = 3.00 USD/dmt.
 */
public record PenaltyBand(
    BigDecimal threshold,
    BigDecimal upTo,
    BigDecimal step,
    BigDecimal usdPerStep,
    boolean proRata) {

  public PenaltyBand {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(usdPerStep, "usdPerStep");
    if (step.signum() <= 0) {
      throw new IllegalArgumentException("a penalty step must be positive, was " + step);
    }
    if (upTo != null && upTo.compareTo(threshold) <= 0) {
      throw new IllegalArgumentException("a penalty band must end above its threshold");
    }
  }

  /** Content counted in this band for a given assay (zero if below the threshold). */
  public BigDecimal excess(final BigDecimal content) {
    final BigDecimal top = upTo == null ? content : content.min(upTo);
    return top.subtract(threshold).max(BigDecimal.ZERO);
  }

  /** Steps charged for a given assay. */
  public BigDecimal steps(final BigDecimal content) {
    final BigDecimal steps = excess(content).divide(step, Rounding.CALCULATION);
    return proRata ? steps : steps.setScale(0, RoundingMode.FLOOR);
  }

  /** USD/dmt charged in this band. */
  public BigDecimal usdPerDmt(final BigDecimal content) {
    return steps(content).multiply(usdPerStep, Rounding.CALCULATION);
  }
}
