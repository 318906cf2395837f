package org.openmineral.domain.forecasting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The naive forecast, the benchmark every model must beat: the next months' price is the last
 * price.
 *
 * <pre>
 * point(h) = P_T
 * interval = P_T x exp(+- z x s x sqrt(h))
 * </pre>
 *
 * with {@code s} the sample standard deviation of the last {@code window} monthly log returns and
 * {@code z} the standard normal quantile of {@code (1 + coverage) / 2} (a random walk in log prices
 * with normal increments; Hyndman and Athanasopoulos, <i>Forecasting: Principles and Practice</i>,
 * 3rd ed., section 5.5, "benchmark methods").
 */
public final class RandomWalk implements ForecastModel {
  private final int window;

  /** {@code window}: how many of the latest returns estimate the volatility. */
  public RandomWalk(final int window) {
    if (window < 2) {
      throw new ForecastException("the volatility window needs at least 2 returns, got " + window);
    }
    this.window = window;
  }

  @Override
  public String name() {
    return "naive (random walk)";
  }

  @Override
  public Forecast forecast(final double[] prices, final int horizon, final double coverage) {
    LogReturns.checkArguments(horizon, coverage);
    final double[] returns = LogReturns.of(prices);
    if (returns.length < 2) {
      throw new ForecastException("the naive interval needs at least 3 prices");
    }
    final double[] recent =
        Arrays.copyOfRange(returns, Math.max(0, returns.length - window), returns.length);
    final double s = new StandardDeviation(true).evaluate(recent);
    final double z = new NormalDistribution().inverseCumulativeProbability((1 + coverage) / 2);
    final double last = prices[prices.length - 1];
    final List<Forecast.Step> steps = new ArrayList<>();
    for (int h = 1; h <= horizon; h++) {
      final double half = z * s * Math.sqrt(h);
      steps.add(new Forecast.Step(h, last, last * Math.exp(-half), last * Math.exp(half)));
    }
    return new Forecast(name(), coverage, steps);
  }
}
