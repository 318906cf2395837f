package org.openmineral.domain.forecasting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin evaluation ("time series cross-validation", Hyndman and Athanasopoulos,
 * <i>Forecasting: Principles and Practice</i>, 3rd ed., section 5.10): for every origin {@code t}
 * from {@code firstOrigin} on, the model sees only {@code prices[0..t]}, forecasts the next months,
 * and each forecast {@code h} months ahead is compared with {@code prices[t + h]}. The naive
 * benchmark is run on exactly the same origins.
 *
 * <p>MASE uses one scale for every origin: the in-sample naive MAE of {@code prices[0..
 * firstOrigin]}, the history before the first forecast; the model's MASE over the naive's MASE is
 * therefore their MAE ratio. Deterministic: the same prices and settings give the same figures.
 */
public final class RollingOriginBacktest {
  private final ForecastModel model;
  private final ForecastModel benchmark;
  private final double coverage;

  public RollingOriginBacktest(
      final ForecastModel model, final ForecastModel benchmark, final double coverage) {
    this.model = model;
    this.benchmark = benchmark;
    this.coverage = coverage;
  }

  /**
   * The accuracy of the model and the benchmark at each of {@code horizons}.
   *
   * @param firstOrigin index of the last price the first forecast may use
   */
  public List<HorizonAccuracy> run(
      final double[] prices, final int firstOrigin, final int... horizons) {
    if (horizons.length == 0) {
      throw new ForecastException("name at least one horizon");
    }
    final int maxHorizon = Arrays.stream(horizons).max().orElseThrow();
    if (firstOrigin < 2 || firstOrigin + maxHorizon >= prices.length) {
      throw new ForecastException(
          "the first origin "
              + firstOrigin
              + " leaves no outcome "
              + maxHorizon
              + " months ahead in "
              + prices.length
              + " prices");
    }
    final double scale =
        ForecastAccuracy.naiveScale(Arrays.copyOfRange(prices, 0, firstOrigin + 1));
    final int origins = prices.length - 1 - firstOrigin;
    final Forecast[] modelForecasts = new Forecast[origins];
    final Forecast[] benchmarkForecasts = new Forecast[origins];
    for (int o = 0; o < origins; o++) {
      final double[] seen = Arrays.copyOfRange(prices, 0, firstOrigin + o + 1);
      final int horizon = Math.min(maxHorizon, origins - o);
      modelForecasts[o] = model.forecast(seen, horizon, coverage);
      benchmarkForecasts[o] = benchmark.forecast(seen, horizon, coverage);
    }
    final List<HorizonAccuracy> result = new ArrayList<>();
    for (final int h : horizons) {
      final int n = origins - h + 1;
      final double[] actual = new double[n];
      final double[][] m = new double[3][n];
      final double[][] b = new double[3][n];
      for (int o = 0; o < n; o++) {
        actual[o] = prices[firstOrigin + o + h];
        final Forecast.Step ms = modelForecasts[o].at(h);
        final Forecast.Step bs = benchmarkForecasts[o].at(h);
        m[0][o] = ms.point();
        m[1][o] = ms.lower();
        m[2][o] = ms.upper();
        b[0][o] = bs.point();
        b[1][o] = bs.lower();
        b[2][o] = bs.upper();
      }
      final double modelMae = ForecastAccuracy.mae(actual, m[0]);
      final double benchmarkMae = ForecastAccuracy.mae(actual, b[0]);
      result.add(
          new HorizonAccuracy(
              h,
              n,
              modelMae,
              ForecastAccuracy.mase(modelMae, scale),
              ForecastAccuracy.coverage(actual, m[1], m[2]),
              benchmarkMae,
              ForecastAccuracy.mase(benchmarkMae, scale),
              ForecastAccuracy.coverage(actual, b[1], b[2])));
    }
    return result;
  }

  /**
   * The figures at one horizon.
   *
   * @param horizon months ahead
   * @param forecasts how many forecasts were scored
   */
  public record HorizonAccuracy(
      int horizon,
      int forecasts,
      double mae,
      double mase,
      double coverage,
      double benchmarkMae,
      double benchmarkMase,
      double benchmarkCoverage) {
    /** True if the model's MAE is below the benchmark's. */
    public boolean beatsBenchmark() {
      return mae < benchmarkMae;
    }
  }
}
