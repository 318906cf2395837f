package org.openmineral.domain.pricing;

import java.util.Locale;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Which price series: the metal, the market or publisher that makes the price, and the unit it is
 * quoted in. {@code COPPER / WORLD_BANK_PINK_SHEET / USD_PER_T} and {@code COPPER / LME_CASH /
 * USD_PER_T} are different series even though both are copper in USD per tonne. The store also
 * holds exchange rates and charge benchmarks under other {@link SeriesId}s.
 *
 * @param metal the metal priced
 * @param market the source or market code, upper case, e.g. {@code LME_CASH_SETTLEMENT}
 * @param unit the quoting unit of every value in the series
 */
public record PriceSeriesId(Element metal, String market, PriceUnit unit) implements SeriesId {
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

  /**
   * The id written as {@code metal/market/unit} ({@link #toString()}), or with dots instead of
   * slashes as in URLs: {@code Cu/LME_CASH/USD_PER_T}, {@code Cu.LME_CASH.USD_PER_T}.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static PriceSeriesId parse(final String code) {
    final String[] parts = code == null ? new String[0] : code.trim().split("[/.]", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "'" + code + "' is not a series code metal/market/unit, e.g. Cu/LME_CASH/USD_PER_T");
    }
    final PriceUnit unit;
    try {
      unit = PriceUnit.valueOf(parts[2].trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + code
              + "': unknown unit '"
              + parts[2]
              + "'; known: "
              + java.util.Arrays.toString(PriceUnit.values()),
          e);
    }
    return new PriceSeriesId(Element.ofSymbol(parts[0]), parts[1], unit);
  }

  /** The id as used in URLs: {@code Cu.LME_CASH.USD_PER_T}. */
  @Override
  public String urlCode() {
    return metal.symbol() + "." + market + "." + unit;
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.PRICE;
  }

  @Override
  public String unitName() {
    return unit.name();
  }

  @Override
  public String toString() {
    return metal.symbol() + "/" + market + "/" + unit;
  }
}
