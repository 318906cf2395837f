package org.openmineral.domain.forecasting;

/** Log returns {@code r_t = ln(P_t / P_(t-1))} of a price history, checked on the way. */
final class LogReturns {
  private LogReturns() {}

  static double[] of(final double[] prices) {
    if (prices.length < 2) {
      throw new ForecastException("a forecast needs at least 2 prices, got " + prices.length);
    }
    final double[] r = new double[prices.length - 1];
    for (int i = 0; i < prices.length; i++) {
      if (!(prices[i] > 0)) {
        throw new ForecastException("prices must be positive; price " + i + " is " + prices[i]);
      }
      if (i > 0) {
        r[i - 1] = Math.log(prices[i] / prices[i - 1]);
      }
    }
    return r;
  }

  static void checkArguments(final int horizon, final double coverage) {
    if (horizon < 1) {
      throw new ForecastException("the horizon must be at least 1 month, got " + horizon);
    }
    if (!(coverage > 0 && coverage < 1)) {
      throw new ForecastException("the coverage must be between 0 and 1, got " + coverage);
    }
  }
}
