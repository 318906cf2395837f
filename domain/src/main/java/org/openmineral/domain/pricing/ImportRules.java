package org.openmineral.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How strictly an import checks prices beyond the hard rules (a date, a number, not negative, one
 * value per date, no silent overwrite).
 *
 * <p>A move is {@code |v_t / v_(t-1) - 1| * 100}, in percent, against the previous value of the
 * series (the previous business day's fixing for a daily series, the previous month's value for a
 * monthly one). A move above {@link #maxMovePercent()} is an outlier: large moves do happen (nickel
 * in March 2022), so by default an outlier is accepted and flagged for a person to check; {@link
 * OutlierHandling#REJECT} keeps it out of the series instead.
 *
 * @param maxMovePercent the largest move, in percent, accepted without a flag
 * @param outliers whether an outlier is flagged and kept, or rejected
 */
public record ImportRules(BigDecimal maxMovePercent, OutlierHandling outliers) {

  /** What to do with a value that moves more than the threshold. */
  public enum OutlierHandling {
    /** Keep the value and list it among the report's warnings. */
    FLAG,
    /** Leave the value out and list it among the report's rejections. */
    REJECT
  }

  public ImportRules {
    Objects.requireNonNull(maxMovePercent, "maxMovePercent");
    Objects.requireNonNull(outliers, "outliers");
    if (maxMovePercent.signum() <= 0) {
      throw new IllegalArgumentException(
          "the outlier threshold must be positive: " + maxMovePercent);
    }
  }

  /** Flag (and keep) any move above 20%. */
  public static ImportRules defaults() {
    return new ImportRules(new BigDecimal("20"), OutlierHandling.FLAG);
  }

  public static ImportRules flagMovesAbove(final String percent) {
    return new ImportRules(new BigDecimal(percent), OutlierHandling.FLAG);
  }

  public static ImportRules rejectMovesAbove(final String percent) {
    return new ImportRules(new BigDecimal(percent), OutlierHandling.REJECT);
  }
}
