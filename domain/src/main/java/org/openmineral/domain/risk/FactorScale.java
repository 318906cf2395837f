package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How one factor enters the deal risk score: its weight and, for a factor measured on a continuous
 * scale, the raw value that earns the full sub-score of 100.
 *
 * <p>Linear factors: {@code subScore = min(100, max(0, 100 x raw / fullScoreAt))}. Rated factors
 * (country, KYC) take their sub-score from the rating and have no {@code fullScoreAt}.
 */
public record FactorScale(
    RiskFactorKind kind, BigDecimal weight, Optional<BigDecimal> fullScoreAt, String note) {
  public FactorScale {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(fullScoreAt, "fullScoreAt");
    Objects.requireNonNull(note, "note");
    if (weight.signum() < 0) {
      throw new RiskInputException(kind + " weight cannot be negative: " + weight);
    }
    fullScoreAt.ifPresent(
        f -> {
          if (f.signum() <= 0) {
            throw new RiskInputException(kind + " full-score value must be positive: " + f);
          }
        });
  }
}
