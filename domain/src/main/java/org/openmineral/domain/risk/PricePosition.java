package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * A flat-price position in one metal for market risk: long positive, short negative, counted in the
 * mass unit the metal's price series is quoted in (tonnes for USD/t, troy ounces for USD/ozt).
 */
public record PricePosition(String id, Element metal, BigDecimal quantity) {
  public PricePosition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(quantity, "quantity");
  }

  public static PricePosition of(final String id, final Element metal, final String quantity) {
    return new PricePosition(id, metal, new BigDecimal(quantity));
  }
}
