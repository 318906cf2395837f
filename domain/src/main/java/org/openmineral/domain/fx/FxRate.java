package org.openmineral.domain.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.units.Rounding;

/**
 * An exchange rate as used to convert: {@code rate} units of {@code to} per one unit of {@code
 * from}, the fixing of {@code date} in {@code series}. When the series quotes the pair the other
 * way ({@code inverted}), {@code rate = 1 / published} to {@value FxRates#INVERSE_SCALE} places,
 * half up.
 *
 * @param from the currency converted from
 * @param to the currency converted into
 * @param rate units of {@code to} per one {@code from}
 * @param date the date of the fixing used (on or before the date asked for)
 * @param series the FX series the fixing comes from
 * @param published the value as published in the series
 * @param inverted true when {@code series} quotes {@code to} per {@code from} the other way round
 */
public record FxRate(
    Currency from,
    Currency to,
    BigDecimal rate,
    LocalDate date,
    FxSeriesId series,
    BigDecimal published,
    boolean inverted) {
  public FxRate {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(published, "published");
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("an exchange rate must be above zero: " + rate);
    }
  }

  /** {@code amount} in {@code from} converted into {@code to}, unrounded. */
  public BigDecimal convert(final BigDecimal amount) {
    return amount.multiply(rate, Rounding.CALCULATION);
  }

  /** The rate in words: {@code "1.0823 USD/EUR of 2025-11-03 (FX:EUR/USD/ECB)"}. */
  public String describe() {
    return rate.toPlainString()
        + " "
        + to.getCurrencyCode()
        + "/"
        + from.getCurrencyCode()
        + " of "
        + date
        + " ("
        + series
        + (inverted ? ", inverted" : "")
        + ")";
  }
}
