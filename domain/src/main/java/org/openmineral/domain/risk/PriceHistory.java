package org.openmineral.domain.risk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.units.Element;

/** Price series per metal, the input of historical simulation and of volatility. */
public record PriceHistory(Map<Element, HistoricalPrices> byMetal) {
  public PriceHistory {
    byMetal = byMetal.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byMetal));
    byMetal.forEach(
        (metal, series) -> {
          if (series.metal() != metal) {
            throw new RiskInputException(
                "series for " + series.metal().symbol() + " filed under " + metal.symbol());
          }
        });
  }

  /** A history of {@code series}, one per metal. */
  public static PriceHistory of(final List<HistoricalPrices> series) {
    final Map<Element, HistoricalPrices> byMetal = new EnumMap<>(Element.class);
    for (final HistoricalPrices s : series) {
      if (byMetal.put(s.metal(), s) != null) {
        throw new RiskInputException("two price series for " + s.metal().symbol());
      }
    }
    return new PriceHistory(byMetal);
  }

  /** The series of {@code metal}. */
  public HistoricalPrices series(final Element metal) {
    final HistoricalPrices series = byMetal.get(metal);
    if (series == null) {
      throw new RiskInputException(
          "no price history for " + metal.symbol() + "; history has " + byMetal.keySet());
    }
    return series;
  }
}
