package org.openmineral.domain.forecasting;

import java.util.List;

/**
 * Point forecasts and prediction intervals for the months after the last observation: element
 * {@code h - 1} is the forecast {@code h} months ahead.
 *
 * @param model the model's name
 * @param coverage the nominal probability that the outcome lies within {@code [lower, upper]}
 * @param steps one per horizon, 1 first
 */
public record Forecast(String model, double coverage, List<Step> steps) {
  public Forecast {
    steps = List.copyOf(steps);
  }

  /**
   * The forecast {@code horizon} months ahead.
   *
   * @param point the point forecast (the median of the predictive distribution)
   * @param lower lower bound of the interval
   * @param upper upper bound of the interval
   */
  public record Step(int horizon, double point, double lower, double upper) {}

  /** The step {@code h} months ahead (1-based). */
  public Step at(final int h) {
    return steps.get(h - 1);
  }
}
