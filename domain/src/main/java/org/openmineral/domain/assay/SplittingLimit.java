package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * The largest difference between the seller's and the buyer's assay of an element at which the two
 * results are "split" (their mean settles), stated in the unit of the assay: percentage points for
 * elements assayed in percent (Cu 0.20 means |seller - buyer| &le; 0.20 %, absolute, not relative),
 * grams per dry metric tonne for precious metals, ppm for trace elements.
 *
 * <p>The limit is inclusive: results whose difference does "not exceed" the limit are split
 * (wording of e.g. Ophir Refinery's assaying terms, https://ophirrefinery.com/services/assaying).
 */
public record SplittingLimit(Element element, BigDecimal maxDifference, AssayUnit unit) {
  public SplittingLimit {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(maxDifference, "maxDifference");
    Objects.requireNonNull(unit, "unit");
    if (maxDifference.signum() < 0) {
      throw new InvalidAssayException(
          "a splitting limit cannot be negative: " + element.symbol() + " " + maxDifference);
    }
  }

  /** A limit in percentage points, e.g. {@code percent(CU, "0.20")}. */
  public static SplittingLimit percent(final Element element, final String maxDifference) {
    return new SplittingLimit(element, new BigDecimal(maxDifference), AssayUnit.PCT);
  }

  /** A limit in grams per dry metric tonne, e.g. {@code gramsPerDmt(AU, "0.3")}. */
  public static SplittingLimit gramsPerDmt(final Element element, final String maxDifference) {
    return new SplittingLimit(element, new BigDecimal(maxDifference), AssayUnit.G_PER_DMT);
  }

  /** A limit in parts per million. */
  public static SplittingLimit ppm(final Element element, final String maxDifference) {
    return new SplittingLimit(element, new BigDecimal(maxDifference), AssayUnit.PPM);
  }

  /** True if {@code difference} does not exceed this limit. */
  public boolean allowsSplit(final BigDecimal difference) {
    return difference.abs().compareTo(maxDifference) <= 0;
  }
}
