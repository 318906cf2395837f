package org.openmineral.domain.risk;

import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * A metal's price history as the risk calculations need it: dated prices in one quoting unit, dates
 * strictly increasing. A minimal input type of this package, independent of any price store.
 *
 * @param metal the metal
 * @param unit how the prices are quoted (USD per t, ozt, ...); positions are counted in the same
 *     mass unit
 * @param prices at least two observations, oldest first
 */
public record HistoricalPrices(Element metal, PriceUnit unit, List<DatedPrice> prices) {
  public HistoricalPrices {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(unit, "unit");
    prices = List.copyOf(Objects.requireNonNull(prices, "prices"));
    if (prices.size() < 2) {
      throw new RiskInputException(
          metal.symbol() + " series needs at least two prices, got " + prices.size());
    }
    for (int i = 1; i < prices.size(); i++) {
      if (!prices.get(i).date().isAfter(prices.get(i - 1).date())) {
        throw new RiskInputException(
            metal.symbol()
                + " series dates must be strictly increasing: "
                + prices.get(i - 1).date()
                + " then "
                + prices.get(i).date());
      }
    }
  }

  /** The most recent observation. */
  /** The prices of a stored series (e.g. the World Bank import), for risk calculations. */
  public static HistoricalPrices from(final org.openmineral.domain.pricing.PriceSeries series) {
    return new HistoricalPrices(
        series.priceId().metal(),
        series.priceId().unit(),
        series.fixings().stream().map(f -> new DatedPrice(f.date(), f.value())).toList());
  }

  public DatedPrice latest() {
    return prices.getLast();
  }
}
