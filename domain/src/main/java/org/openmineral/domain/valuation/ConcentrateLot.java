package org.openmineral.domain.valuation;

import java.util.Map;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/** A lot of concentrate as weighed and assayed. */
public record ConcentrateLot(DryWeight weight, Map<Element, Assay> assays) {
  public ConcentrateLot {
    Objects.requireNonNull(weight, "weight");
    assays = Map.copyOf(Objects.requireNonNull(assays, "assays"));
  }
}
