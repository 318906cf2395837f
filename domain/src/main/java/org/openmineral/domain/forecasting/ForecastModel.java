package org.openmineral.domain.forecasting;

/**
 * A model that forecasts a monthly price series from its history, with a prediction interval.
 *
 * <p>Statistics are computed in {@code double}: these are estimates with sampling error many orders
 * of magnitude above binary rounding. Figures leave the package as {@code BigDecimal} rounded at
 * the edge ({@link PriceForecaster}).
 */
public interface ForecastModel {
  /** A short name for reports, e.g. {@code naive} or {@code AR(1) on log returns}. */
  String name();

  /**
   * Forecasts {@code horizon} months past the last price of {@code prices} (oldest first, all
   * positive).
   *
   * @param coverage the nominal coverage of the intervals, e.g. 0.80
   * @throws ForecastException if the history is too short for the model
   */
  Forecast forecast(double[] prices, int horizon, double coverage);
}
