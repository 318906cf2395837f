package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Mass;
import org.openmineral.domain.units.Rounding;

/**
 * One laboratory's result for one element of a lot, e.g. Cu 25.60 % or Au 8.4 g/dmt, on a dry
 * basis.
 *
 * @throws InvalidAssayException for a negative result or more than 100 %
 */
public record Assay(Element element, BigDecimal value, AssayUnit unit) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal GRAMS_PER_TONNE = new BigDecimal("1000000");

  public Assay {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    if (value.signum() < 0) {
      throw new InvalidAssayException(
          "an assay cannot be negative: " + element.symbol() + " " + value.toPlainString());
    }
    if (unit == AssayUnit.PCT && value.compareTo(HUNDRED) > 0) {
      throw new InvalidAssayException(
          "an assay cannot exceed 100 %: " + element.symbol() + " " + value.toPlainString());
    }
  }

  public static Assay percent(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.PCT);
  }

  public static Assay gramsPerDmt(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.G_PER_DMT);
  }

  public static Assay ppm(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.PPM);
  }

  /** Metric tonnes of the element in one dry tonne. */
  public BigDecimal tonnesPerDmt() {
    return switch (unit) {
      case PCT -> value.divide(HUNDRED, Rounding.CALCULATION);
      case G_PER_DMT, PPM -> value.divide(GRAMS_PER_TONNE, Rounding.CALCULATION);
      case OZT_PER_DMT -> value.divide(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
    };
  }

  /** Troy ounces of the element in one dry tonne. */
  public BigDecimal troyOuncesPerDmt() {
    return unit == AssayUnit.OZT_PER_DMT
        ? value
        : tonnesPerDmt().multiply(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
  }

  /** The same element and unit with another value (e.g. the payable part of the assay). */
  public Assay withValue(final BigDecimal newValue) {
    return new Assay(element, newValue, unit);
  }

  @Override
  public String toString() {
    return element.symbol() + " " + value.toPlainString() + " " + unit.symbol();
  }
}
