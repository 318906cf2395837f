package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Mass;
import org.openmineral.domain.units.Rounding;

/** The content of one element in a dry tonne of concentrate. */
public record Assay(BigDecimal value, AssayUnit unit) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal GRAMS_PER_TONNE = new BigDecimal("1000000");

  public Assay {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  public static Assay pct(final String value) {
    return new Assay(new BigDecimal(value), AssayUnit.PCT);
  }

  public static Assay gramsPerDmt(final String value) {
    return new Assay(new BigDecimal(value), AssayUnit.G_PER_DMT);
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
    return switch (unit) {
      case OZT_PER_DMT -> value;
      default -> tonnesPerDmt().multiply(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
    };
  }
}
