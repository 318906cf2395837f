package org.openmineral.domain.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.SeriesId;

/**
 * Finds the exchange rate to convert between two currencies on a date from the FX series of the
 * store: the latest fixing on or before the date (a rate is not published on weekends and holidays;
 * the last one published stands), from {@code source}'s series of the pair as asked ({@code
 * FX:EUR/USD/ECB} to convert EUR into USD) or, when that series has no fixing on or before the
 * date, from its inverse ({@code FX:USD/EUR/ECB}, rate = 1 / published to {@value #INVERSE_SCALE}
 * places, half up). No cross rates through a third currency are made.
 */
public final class FxRates {
  /** Places of an inverted rate. */
  public static final int INVERSE_SCALE = 10;

  private FxRates() {}

  /**
   * The rate for converting {@code from} into {@code to} on {@code on}, if the store has one.
   *
   * @param series the store's series by id, e.g. {@code store::find}
   * @throws IllegalArgumentException if the two currencies are the same
   */
  public static Optional<FxRate> latestOnOrBefore(
      final Currency from,
      final Currency to,
      final String source,
      final LocalDate on,
      final Function<SeriesId, Optional<PriceSeries>> series) {
    Objects.requireNonNull(on, "on");
    if (from.equals(to)) {
      throw new IllegalArgumentException("no exchange rate is needed from " + from + " to itself");
    }
    final FxSeriesId direct = new FxSeriesId(from, to, source);
    final Optional<PriceFixing> asked = series.apply(direct).flatMap(s -> s.latestOnOrBefore(on));
    if (asked.isPresent()) {
      final PriceFixing f = asked.get();
      return Optional.of(new FxRate(from, to, f.value(), f.date(), direct, f.value(), false));
    }
    final FxSeriesId inverse = new FxSeriesId(to, from, source);
    return series
        .apply(inverse)
        .flatMap(s -> s.latestOnOrBefore(on))
        .filter(f -> f.value().signum() > 0)
        .map(
            f ->
                new FxRate(
                    from,
                    to,
                    BigDecimal.ONE.divide(f.value(), INVERSE_SCALE, RoundingMode.HALF_UP),
                    f.date(),
                    inverse,
                    f.value(),
                    true));
  }
}
