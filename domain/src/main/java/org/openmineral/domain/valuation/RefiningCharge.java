package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/** A refining charge on the payable quantity of one element. */
public record RefiningCharge(Element element, BigDecimal amount, RefiningUnit unit) {
  public RefiningCharge {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
  }

  public static RefiningCharge of(
      final Element element, final String amount, final RefiningUnit unit) {
    return new RefiningCharge(element, new BigDecimal(amount), unit);
  }
}
