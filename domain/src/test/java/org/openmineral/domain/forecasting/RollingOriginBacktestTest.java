package org.openmineral.domain.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingOriginBacktestTest {

  @Test
  void theNaiveAgainstItselfScoresTheHandComputedError() {
    // prices 100, 102, 101, 105, 104, 108; first origin index 2 (the forecast sees 100,102,101)
    final double[] prices = {100, 102, 101, 105, 104, 108};
    final RandomWalk naive = new RandomWalk(12);
    final List<RollingOriginBacktest.HorizonAccuracy> result =
        new RollingOriginBacktest(naive, naive, 0.8).run(prices, 2, 1, 2);

    // h=1: origins 2,3,4 forecast 101,105,104 for 105,104,108: errors 4,1,4 -> MAE 3
    final var h1 = result.get(0);
    assertThat(h1.forecasts()).isEqualTo(3);
    assertThat(h1.mae()).isCloseTo(3.0, within(1e-12));
    // scale over 100,102,101: changes 2,1 -> 1.5; MASE 3 / 1.5 = 2
    assertThat(h1.mase()).isCloseTo(2.0, within(1e-12));
    // h=2: origins 2,3 forecast 101,105 for 104,108: errors 3,3 -> MAE 3
    final var h2 = result.get(1);
    assertThat(h2.forecasts()).isEqualTo(2);
    assertThat(h2.mae()).isCloseTo(3.0, within(1e-12));
    assertThat(h1.beatsBenchmark()).isFalse();
  }

  @Test
  void theSameInputGivesIdenticalFigures() {
    final double[] prices = walk(400, 7);
    final RollingOriginBacktest backtest =
        new RollingOriginBacktest(new ArLogReturns(1, 120), new RandomWalk(120), 0.8);
    final var first = backtest.run(prices, 200, 1, 3, 6);
    final var second = backtest.run(prices.clone(), 200, 1, 3, 6);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void onAutocorrelatedReturnsTheArModelBeatsTheNaiveOneMonthAhead() {
    // returns r_t = 0.5 r_(t-1) + e_t: an AR(1) in returns, which the naive cannot use
    final Random random = new Random(11);
    final double[] prices = new double[600];
    prices[0] = 1000;
    double r = 0;
    for (int t = 1; t < prices.length; t++) {
      r = 0.5 * r + 0.03 * random.nextGaussian();
      prices[t] = prices[t - 1] * Math.exp(r);
    }
    final var h1 =
        new RollingOriginBacktest(new ArLogReturns(1, 240), new RandomWalk(240), 0.8)
            .run(prices, 300, 1)
            .getFirst();
    assertThat(h1.beatsBenchmark()).isTrue();
    // 80% intervals from the true model family cover close to 80%
    assertThat(h1.coverage()).isBetween(0.72, 0.88);
  }

  static double[] walk(final int n, final long seed) {
    final Random random = new Random(seed);
    final double[] prices = new double[n];
    prices[0] = 100;
    for (int t = 1; t < n; t++) {
      prices[t] = prices[t - 1] * Math.exp(0.04 * random.nextGaussian());
    }
    return prices;
  }
}
