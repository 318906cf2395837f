package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Rounding;

/**
 * Historical-simulation Value at Risk and expected shortfall at one confidence level, with the
 * scenarios that make them.
 *
 * <p>Quantile rule. Sort the n scenario P&amp;Ls from worst to best (stable: ties keep date order)
 * and take
 *
 * <pre>
 * k   = floor(n x (1 - c)) + 1                    the tail rank
 * VaR = -P&amp;L_(k)                                 minus the k-th worst P&amp;L
 * ES  = -(P&amp;L_(1) + ... + P&amp;L_(k)) / k            mean loss of the k scenarios at or beyond VaR
 * </pre>
 *
 * This k is the one for which VaR is the smallest loss l with "fraction of scenarios losing more
 * than l" &lt;= 1 - c, i.e. the empirical form of VaR_c = inf{l : P(L &gt; l) &lt;= 1 - c} (McNeil,
 * Frey, Embrechts, <i>Quantitative Risk Management</i>, Princeton 2015). With n = 100 and c = 0.95
 * it is the 6th worst scenario (5 are worse); with n = 790 monthly returns it is the 40th worst at
 * 95 % and the 8th at 99 %. ES is the historical estimator of Acerbi and Tasche ("On the coherence
 * of expected shortfall", J. Banking &amp; Finance 26(7), 2002) with the tail cut at k. A positive
 * VaR is a loss; a negative VaR means even the k-th worst scenario is a gain.
 *
 * @param confidence c, strictly between 0 and 1
 * @param horizon the return horizon in observations
 * @param scenarioCount n
 * @param tailRank k
 * @param valueAtRisk {@code -P&L_(k)}, USD, full precision
 * @param expectedShortfall mean of the k worst losses, USD, full precision
 * @param tail the k worst scenarios, worst first
 * @param marks the marked positions the scenarios were applied to
 */
public record HistoricalVar(
    BigDecimal confidence,
    int horizon,
    int scenarioCount,
    int tailRank,
    BigDecimal valueAtRisk,
    BigDecimal expectedShortfall,
    List<ScenarioPnl> tail,
    List<PositionMark> marks) {
  public HistoricalVar {
    Objects.requireNonNull(confidence, "confidence");
    tail = List.copyOf(tail);
    marks = List.copyOf(marks);
  }

  /**
   * The tail rank k = floor(n x (1 - c)) + 1.
   *
   * @throws RiskInputException unless 0 &lt; c &lt; 1 and n &gt;= 1
   */
  public static int tailRank(final int scenarioCount, final BigDecimal confidence) {
    if (confidence.signum() <= 0 || confidence.compareTo(BigDecimal.ONE) >= 0) {
      throw new RiskInputException(
          "confidence must be strictly between 0 and 1, got " + confidence.toPlainString());
    }
    if (scenarioCount < 1) {
      throw new RiskInputException("no scenarios to take a quantile of");
    }
    return BigDecimal.valueOf(scenarioCount)
            .multiply(BigDecimal.ONE.subtract(confidence))
            .setScale(0, RoundingMode.FLOOR)
            .intValueExact()
        + 1;
  }

  /** VaR and ES of {@code scenarios} at {@code confidence}. */
  public static HistoricalVar of(final HistoricalScenarios scenarios, final BigDecimal confidence) {
    final int n = scenarios.scenarios().size();
    final int k = tailRank(n, confidence);
    final List<ScenarioPnl> sorted = new ArrayList<>(scenarios.scenarios());
    sorted.sort(Comparator.comparing(ScenarioPnl::pnl));
    final List<ScenarioPnl> tail = sorted.subList(0, k);
    BigDecimal sum = BigDecimal.ZERO;
    for (final ScenarioPnl s : tail) {
      sum = sum.add(s.pnl(), Rounding.CALCULATION);
    }
    return new HistoricalVar(
        confidence,
        scenarios.horizon(),
        n,
        k,
        tail.getLast().pnl().negate(),
        sum.divide(BigDecimal.valueOf(k), Rounding.CALCULATION).negate(),
        tail,
        scenarios.marks());
  }

  /** VaR in USD rounded half up to cents, for display. */
  public Money valueAtRiskUsd() {
    return Money.usd(valueAtRisk).rounded();
  }

  /** Expected shortfall in USD rounded half up to cents, for display. */
  public Money expectedShortfallUsd() {
    return Money.usd(expectedShortfall).rounded();
  }

  /** One line for a risk report. */
  public String explain() {
    final ScenarioPnl kth = tail.getLast();
    return String.format(
        "VaR %s%% (%d-observation horizon): %s, the %d-th worst of %d scenarios (%s..%s); ES %s,"
            + " mean of the %d worst",
        confidence.movePointRight(2).stripTrailingZeros().toPlainString(),
        horizon,
        valueAtRiskUsd(),
        tailRank,
        scenarioCount,
        kth.from(),
        kth.to(),
        expectedShortfallUsd(),
        tailRank);
  }
}
