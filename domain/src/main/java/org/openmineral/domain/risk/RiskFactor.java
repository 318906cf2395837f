package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One factor of a deal risk score as shown to the approver.
 *
 * @param kind which factor
 * @param rawValue the measured value (a share, an annualised volatility, or the rating's sub-score
 *     for rated factors)
 * @param subScore the raw value normalised to 0..100
 * @param weight the factor's weight (weights sum to 1)
 * @param contribution {@code weight x subScore}, points of the 0..100 score
 * @param reason one line saying where the value comes from
 */
public record RiskFactor(
    RiskFactorKind kind,
    BigDecimal rawValue,
    BigDecimal subScore,
    BigDecimal weight,
    BigDecimal contribution,
    String reason) {
  public RiskFactor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rawValue, "rawValue");
    Objects.requireNonNull(subScore, "subScore");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(contribution, "contribution");
    Objects.requireNonNull(reason, "reason");
  }
}
