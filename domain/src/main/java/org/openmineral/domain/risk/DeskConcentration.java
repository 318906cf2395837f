package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * How concentrated the desk would be with the deal: exposures in USD (absolute values, e.g. gross
 * notional or the positive part of the mark-to-market, as long as all four use the same measure).
 *
 * <pre>
 * metalShare        = (deskInMetal + deal) / (deskTotal + deal)
 * counterpartyShare = (deskWithCounterparty + deal) / (deskTotal + deal)
 * </pre>
 */
public record DeskConcentration(
    Element metal,
    BigDecimal dealExposure,
    BigDecimal deskTotal,
    BigDecimal deskInMetal,
    BigDecimal deskWithCounterparty) {
  public DeskConcentration {
    Objects.requireNonNull(metal, "metal");
    for (final BigDecimal v :
        new BigDecimal[] {dealExposure, deskTotal, deskInMetal, deskWithCounterparty}) {
      if (v == null || v.signum() < 0) {
        throw new RiskInputException("concentration exposures must be zero or more, got " + v);
      }
    }
    if (deskInMetal.compareTo(deskTotal) > 0 || deskWithCounterparty.compareTo(deskTotal) > 0) {
      throw new RiskInputException(
          "a part of the desk's exposure cannot exceed its total " + deskTotal.toPlainString());
    }
    if (deskTotal.add(dealExposure).signum() == 0) {
      throw new RiskInputException("no desk exposure and no deal exposure: no share to compute");
    }
  }

  public BigDecimal metalShare() {
    return deskInMetal.add(dealExposure).divide(deskTotal.add(dealExposure), Rounding.CALCULATION);
  }

  public BigDecimal counterpartyShare() {
    return deskWithCounterparty
        .add(dealExposure)
        .divide(deskTotal.add(dealExposure), Rounding.CALCULATION);
  }
}
