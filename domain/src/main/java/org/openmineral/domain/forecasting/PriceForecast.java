package org.openmineral.domain.forecasting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.openmineral.domain.pricing.PriceSeriesId;

/**
 * A forecast of a monthly price series, in the series' unit.
 *
 * @param series the series forecast
 * @param model the model's name
 * @param coverage the nominal coverage of the intervals
 * @param lastMonth the last month with a published value
 * @param lastPrice that value
 * @param months one per month after {@code lastMonth}
 */
public record PriceForecast(
    PriceSeriesId series,
    String model,
    BigDecimal coverage,
    YearMonth lastMonth,
    BigDecimal lastPrice,
    List<Month> months) {
  public PriceForecast {
    months = List.copyOf(months);
  }

  /** The forecast for one month: point (median) and interval. */
  public record Month(
      YearMonth month, int horizon, BigDecimal point, BigDecimal lower, BigDecimal upper) {}

  /** The forecast for {@code month}, if it is within the horizon. */
  public Optional<Month> forMonth(final YearMonth month) {
    return months.stream().filter(m -> m.month().equals(month)).findFirst();
  }
}
