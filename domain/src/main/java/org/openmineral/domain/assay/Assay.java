package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * One laboratory's result for one element of a lot, e.g. Cu 25.60 % or Au 8.4 g/dmt, on a dry
 * basis.
 *
 * @throws InvalidAssayException for a negative result or more than 100 %
 */
public record Assay(Element element, BigDecimal value, AssayUnit unit) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  public Assay {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    if (value.signum() < 0) {
      throw new InvalidAssayException(
          "an assay cannot be negative: " + element.symbol() + " " + value.toPlainString());
    }
    if (unit == AssayUnit.PERCENT && value.compareTo(HUNDRED) > 0) {
      throw new InvalidAssayException(
          "an assay cannot exceed 100 %: " + element.symbol() + " " + value.toPlainString());
    }
  }

  public static Assay percent(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.PERCENT);
  }

  public static Assay gramsPerDmt(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.GRAMS_PER_DMT);
  }

  public static Assay ppm(final Element element, final String value) {
    return new Assay(element, new BigDecimal(value), AssayUnit.PPM);
  }

  @Override
  public String toString() {
    return element.symbol() + " " + value.toPlainString() + " " + unit.symbol();
  }
}
