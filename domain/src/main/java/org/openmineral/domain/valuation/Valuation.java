package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.List;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Rounding;

/**
 * The value of a concentrate lot with every line that makes it.
 *
 * <p>Rounding: each line's lot amount is its exact USD/dmt times the dry tonnes, rounded half up to
 * cents; the lot value is the sum of those rounded lines, so an invoice built from the lines adds
 * up to the cent. The NSR per dmt is the exact sum of the lines' USD/dmt, shown to 4 places.
 *
 * @param nsrPerDmtExact net smelter return per dry tonne, full precision
 */
public record Valuation(
    DryWeight weight, List<ValuationLine> lines, BigDecimal nsrPerDmtExact, Money lotValue) {

  public Valuation {
    lines = List.copyOf(lines);
  }

  /** Net smelter return per dry tonne, rounded to 4 places half up. */
  public BigDecimal nsrPerDmt() {
    return Rounding.rate(nsrPerDmtExact);
  }

  /** Dry metric tonnes valued. */
  public BigDecimal dryTonnes() {
    return weight.dryTonnes();
  }

  public List<ValuationLine> lines(final ValuationLine.Kind kind) {
    return lines.stream().filter(l -> l.kind() == kind).toList();
  }
}
