package org.openmineral.domain.forecasting;

/**
 * Forecast accuracy measures (Hyndman and Koehler, "Another look at measures of forecast accuracy",
 * International Journal of Forecasting 22 (2006) 679-688):
 *
 * <pre>
 * MAE      = mean |y_t - f_t|
 * scale    = mean_{t=2..n} |y_t - y_(t-1)|      in-sample one-month naive MAE
 * MASE     = MAE / scale                        below 1: better than the in-sample naive
 * coverage = share of outcomes y_t within [lower_t, upper_t]
 * </pre>
 */
public final class ForecastAccuracy {
  private ForecastAccuracy() {}

  /** Mean absolute error of {@code forecasts} against {@code actuals}. */
  public static double mae(final double[] actuals, final double[] forecasts) {
    requireSameNonEmpty(actuals, forecasts);
    double sum = 0;
    for (int i = 0; i < actuals.length; i++) {
      sum += Math.abs(actuals[i] - forecasts[i]);
    }
    return sum / actuals.length;
  }

  /** The MASE scale: the mean absolute one-step change of {@code inSample}. */
  public static double naiveScale(final double[] inSample) {
    if (inSample.length < 2) {
      throw new ForecastException("the MASE scale needs at least 2 observations");
    }
    double sum = 0;
    for (int t = 1; t < inSample.length; t++) {
      sum += Math.abs(inSample[t] - inSample[t - 1]);
    }
    final double scale = sum / (inSample.length - 1);
    if (scale == 0) {
      throw new ForecastException("the in-sample series is constant: MASE is undefined");
    }
    return scale;
  }

  /** {@code mae / scale}. */
  public static double mase(final double mae, final double scale) {
    return mae / scale;
  }

  /** The share of {@code actuals} within their interval, bounds included. */
  public static double coverage(
      final double[] actuals, final double[] lower, final double[] upper) {
    requireSameNonEmpty(actuals, lower);
    requireSameNonEmpty(actuals, upper);
    int inside = 0;
    for (int i = 0; i < actuals.length; i++) {
      if (actuals[i] >= lower[i] && actuals[i] <= upper[i]) {
        inside++;
      }
    }
    return (double) inside / actuals.length;
  }

  private static void requireSameNonEmpty(final double[] a, final double[] b) {
    if (a.length == 0 || a.length != b.length) {
      throw new ForecastException(
          "accuracy needs equally many outcomes and forecasts, at least one: "
              + a.length
              + " and "
              + b.length);
    }
  }
}
