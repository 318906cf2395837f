package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * The penalty for a deleterious element: the sum over its bands, capped at {@code maxUsdPerDmt} if
 * the contract caps it. More of the element never lowers the penalty.
 */
public record Penalty(Element element, List<PenaltyBand> bands, BigDecimal maxUsdPerDmt) {
  public Penalty {
    Objects.requireNonNull(element, "element");
    bands = List.copyOf(bands);
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("a penalty needs at least one band");
    }
  }

  public static Penalty of(final Element element, final PenaltyBand... bands) {
    return new Penalty(element, List.of(bands), null);
  }

  /** USD/dmt for a content in the assay's units. */
  public BigDecimal usdPerDmt(final BigDecimal content) {
    BigDecimal total = BigDecimal.ZERO;
    for (final PenaltyBand band : bands) {
      total = total.add(band.usdPerDmt(content), Rounding.CALCULATION);
    }
    return maxUsdPerDmt == null ? total : total.min(maxUsdPerDmt);
  }
}
