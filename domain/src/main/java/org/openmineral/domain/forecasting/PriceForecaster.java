package org.openmineral.domain.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.SeriesFrequency;

/**
 * Forecasts a monthly {@link PriceSeries} with a {@link ForecastModel} and states the result in the
 * series' unit, as {@code BigDecimal} rounded to 4 places half up (the precision of the World Bank
 * extract).
 *
 * <p>The product default is {@link #defaults()}: AR(1) on monthly log returns over the latest 240
 * months (20 years), 80 % intervals; {@code docs/forecasting.md} has its backtest against the naive
 * forecast, metal by metal.
 */
public final class PriceForecaster {
  /** The product's default estimation window, in monthly returns. */
  public static final int DEFAULT_WINDOW = 240;

  /** The product's default interval coverage. */
  public static final double DEFAULT_COVERAGE = 0.80;

  private final ForecastModel model;
  private final double coverage;

  public PriceForecaster(final ForecastModel model, final double coverage) {
    this.model = model;
    this.coverage = coverage;
  }

  /** AR(1) on log returns, 240-month window, 80 % intervals. */
  public static PriceForecaster defaults() {
    return new PriceForecaster(new ArLogReturns(1, DEFAULT_WINDOW), DEFAULT_COVERAGE);
  }

  public ForecastModel model() {
    return model;
  }

  public double coverage() {
    return coverage;
  }

  /**
   * The forecast of {@code series} for the {@code horizon} months after its last value.
   *
   * @throws ForecastException if the series is not monthly, is too short, or has a gap
   */
  public PriceForecast forecast(final PriceSeries series, final int horizon) {
    if (series.frequency() != SeriesFrequency.MONTHLY) {
      throw new ForecastException(
          series.id() + " is a " + series.frequency() + " series; forecasts are for monthly ones");
    }
    final List<PriceFixing> fixings = series.fixings();
    if (fixings.isEmpty()) {
      throw new ForecastException(series.id() + " holds no prices");
    }
    final double[] prices = new double[fixings.size()];
    YearMonth previous = null;
    for (int i = 0; i < prices.length; i++) {
      final YearMonth month = YearMonth.from(fixings.get(i).date());
      if (previous != null && !month.equals(previous.plusMonths(1))) {
        throw new ForecastException(
            series.id() + " has a gap between " + previous + " and " + month);
      }
      previous = month;
      prices[i] = fixings.get(i).value().doubleValue();
    }
    final Forecast forecast = model.forecast(prices, horizon, coverage);
    final YearMonth last = YearMonth.from(fixings.getLast().date());
    final List<PriceForecast.Month> months = new ArrayList<>();
    for (final Forecast.Step step : forecast.steps()) {
      months.add(
          new PriceForecast.Month(
              last.plusMonths(step.horizon()),
              step.horizon(),
              price(step.point()),
              price(step.lower()),
              price(step.upper())));
    }
    return new PriceForecast(
        series.priceId(),
        forecast.model(),
        BigDecimal.valueOf(coverage),
        last,
        fixings.getLast().value(),
        months);
  }

  private static BigDecimal price(final double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }
}
