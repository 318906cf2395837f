package org.openmineral.domain.pricing;

import java.util.Locale;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Which price series: the metal, the market or publisher that makes the price, and the unit it is
 * quoted in. {@code COPPER / WORLD_BANK_PINK_SHEET / USD_PER_T} and {@code COPPER / LME_CASH /
 * USD_PER_T} are different series even though both are copper in USD per tonne.
 *
 * @param metal the metal priced
 * @param market the source or market code, upper case, e.g. {@code LME_CASH_SETTLEMENT}
 * @param unit the quoting unit of every value in the series
 */
public record PriceSeriesId(Element metal, String market, PriceUnit unit) {
  public PriceSeriesId {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(unit, "unit");
    if (market == null || market.isBlank()) {
      throw new IllegalArgumentException("a price series needs a market or source code");
    }
    market = market.trim().toUpperCase(Locale.ROOT);
  }

  public static PriceSeriesId of(final Element metal, final String market, final PriceUnit unit) {
    return new PriceSeriesId(metal, market, unit);
  }

  @Override
  public String toString() {
    return metal.symbol() + "/" + market + "/" + unit;
  }
}
