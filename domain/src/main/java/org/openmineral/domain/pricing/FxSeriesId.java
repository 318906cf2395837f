package org.openmineral.domain.pricing;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exchange rate series: how many units of the {@code quote} currency one unit of the {@code
 * base} currency buys, as published by {@code source}. {@code FX:EUR/USD/ECB} holds USD per EUR
 * (1.0823 on a day when one euro buys 1.0823 dollars), the market convention for EUR/USD.
 *
 * @param base the currency priced (one unit of it)
 * @param quote the currency the rate is expressed in
 * @param source the publisher or fixing, upper case, e.g. {@code ECB}
 */
public record FxSeriesId(Currency base, Currency quote, String source) implements SeriesId {
  static final String EXAMPLE = "FX:EUR/USD/ECB (base/quote/source)";

  public FxSeriesId {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(quote, "quote");
    if (base.equals(quote)) {
      throw new IllegalArgumentException(
          "an FX series needs two currencies, got " + base + " twice");
    }
    source = SeriesCodes.market(source, "an FX");
  }

  public static FxSeriesId of(final String base, final String quote, final String source) {
    return new FxSeriesId(currency(base, "base"), currency(quote, "quote"), source);
  }

  /** Reads {@code EUR/USD/ECB} (the part after {@code FX:}). */
  static FxSeriesId parse(final String body) {
    final String[] parts = SeriesCodes.threeParts(body, EXAMPLE);
    return of(parts[0], parts[1], parts[2]);
  }

  private static Currency currency(final String code, final String part) {
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "'" + code + "' is not an ISO 4217 currency code (the " + part + " currency)", e);
    }
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.FX;
  }

  @Override
  public String market() {
    return source;
  }

  /** {@code USD_PER_EUR} for {@code FX:EUR/USD/...}. */
  @Override
  public String unitName() {
    return quote.getCurrencyCode() + "_PER_" + base.getCurrencyCode();
  }

  @Override
  public String toString() {
    return "FX:" + base.getCurrencyCode() + "/" + quote.getCurrencyCode() + "/" + source;
  }
}
