package org.openmineral.domain.valuation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.units.Element;

/** A lot of concentrate as weighed and assayed: one assay per element. */
public record ConcentrateLot(DryWeight weight, Map<Element, Assay> assays) {
  public ConcentrateLot {
    Objects.requireNonNull(weight, "weight");
    assays = Map.copyOf(Objects.requireNonNull(assays, "assays"));
    assays.forEach(
        (element, assay) -> {
          if (assay.element() != element) {
            throw new IllegalArgumentException(
                "assay " + assay + " is filed under " + element.symbol());
          }
        });
  }

  /**
   * @throws InvalidValuationInput naming {@code assays.<element>} if an element is assayed twice
   */
  public static ConcentrateLot of(final DryWeight weight, final List<Assay> assays) {
    final Map<Element, Assay> byElement = new EnumMap<>(Element.class);
    for (final Assay assay : assays) {
      if (byElement.put(assay.element(), assay) != null) {
        throw new InvalidValuationInput(
            "assays." + assay.element().symbol(), "is given more than once");
      }
    }
    return new ConcentrateLot(weight, byElement);
  }

  public static ConcentrateLot of(final DryWeight weight, final Assay... assays) {
    return of(weight, List.of(assays));
  }
}
