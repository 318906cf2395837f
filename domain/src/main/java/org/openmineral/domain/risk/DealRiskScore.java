package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.openmineral.domain.units.Rounding;

/**
 * A deal's risk score, 0 (no concern) to 100, with the factors that make it: {@code score = sum of
 * weight x subScore} over the factors, weights summing to 1. The approval routing (automatic, desk
 * head, risk committee) is decided from it elsewhere.
 *
 * @param dealId the deal
 * @param score full precision
 * @param factors one per {@link RiskFactorKind}, in that order
 */
public record DealRiskScore(String dealId, BigDecimal score, List<RiskFactor> factors) {
  public DealRiskScore {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(score, "score");
    factors = List.copyOf(factors);
  }

  /** The score to 2 places, half up, for display. */
  public BigDecimal rounded() {
    return score.setScale(2, Rounding.COMMERCIAL);
  }

  /** The factor of {@code kind}. */
  public RiskFactor factor(final RiskFactorKind kind) {
    return factors.stream()
        .filter(f -> f.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new RiskInputException("no " + kind + " factor in the score"));
  }

  /** Several lines: the score, then one per factor. */
  public String explain() {
    return "deal "
        + dealId
        + " risk score "
        + rounded().toPlainString()
        + " / 100\n"
        + factors.stream()
            .map(
                f ->
                    String.format(
                        "  %-13s sub-score %6s x weight %s = %6s  (%s)",
                        f.kind(),
                        f.subScore().setScale(2, Rounding.COMMERCIAL).toPlainString(),
                        f.weight().toPlainString(),
                        f.contribution().setScale(2, Rounding.COMMERCIAL).toPlainString(),
                        f.reason()))
            .collect(Collectors.joining("\n"));
  }
}
