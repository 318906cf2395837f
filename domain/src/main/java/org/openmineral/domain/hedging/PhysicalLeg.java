package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * One physical purchase or sale as far as price risk goes: the payable metal it carries and how
 * that metal is priced.
 *
 * @param id the leg's reference (contract or shipment number), unique in a book
 * @param direction purchase (+) or sale (-)
 * @param metal the payable metal
 * @param quantity payable metal, positive: tonnes of contained payable metal for base metals, troy
 *     ounces for precious metals (see {@link QuantityUnit#usualFor})
 * @param unit the unit of {@code quantity}
 * @param pricing fixed price or quotational period
 */
public record PhysicalLeg(
    String id,
    Direction direction,
    Element metal,
    BigDecimal quantity,
    QuantityUnit unit,
    Pricing pricing) {
  public PhysicalLeg {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(pricing, "pricing");
    if (id.isBlank()) {
      throw new HedgingInputException("a physical leg needs an id");
    }
    if (metal.kind() == Element.Kind.DELETERIOUS) {
      throw new HedgingInputException(
          "leg " + id + ": " + metal.symbol() + " is a penalty element, not a payable metal");
    }
    if (quantity.signum() <= 0) {
      throw new HedgingInputException(
          "leg "
              + id
              + ": payable quantity must be positive (direction gives the sign), got "
              + quantity.toPlainString());
    }
  }

  /** A purchase of {@code quantity} in the usual unit of {@code metal}. */
  public static PhysicalLeg purchase(
      final String id, final Element metal, final BigDecimal quantity, final Pricing pricing) {
    return new PhysicalLeg(
        id, Direction.PURCHASE, metal, quantity, QuantityUnit.usualFor(metal), pricing);
  }

  /** A sale of {@code quantity} in the usual unit of {@code metal}. */
  public static PhysicalLeg sale(
      final String id, final Element metal, final BigDecimal quantity, final Pricing pricing) {
    return new PhysicalLeg(
        id, Direction.SALE, metal, quantity, QuantityUnit.usualFor(metal), pricing);
  }
}
