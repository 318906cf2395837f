package org.openmineral.domain.pricing;

import java.util.Locale;

/**
 * The key of a series in the store: a metal price ({@link PriceSeriesId}), an exchange rate ({@link
 * FxSeriesId}) or a treatment or refining charge benchmark ({@link TreatmentChargeSeriesId}, {@link
 * RefiningChargeSeriesId}).
 *
 * <p>Codes: a price series is written {@code metal/market/unit} as it always was; the other kinds
 * carry their kind as a prefix: {@code FX:EUR/USD/ECB}, {@code TC:Cu/BENCHMARK/USD_PER_DMT}, {@code
 * RC:Cu/BENCHMARK/USD_PER_LB}. Dots are accepted instead of slashes, as in URLs ({@link
 * #urlCode()}); {@code PRICE:} is accepted as a prefix of a price series.
 */
public sealed interface SeriesId
    permits PriceSeriesId, FxSeriesId, TreatmentChargeSeriesId, RefiningChargeSeriesId {

  /** What the series holds. */
  SeriesKind kind();

  /** The market, publisher or source code, upper case. */
  String market();

  /** The unit of every value, e.g. {@code USD_PER_T}, {@code USD_PER_EUR}, {@code USD_PER_DMT}. */
  String unitName();

  /** The code as used in URLs: slashes written as dots. */
  default String urlCode() {
    return toString().replace('/', '.');
  }

  /**
   * The series named by {@code code}.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  static SeriesId parse(final String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException(
          "a series code is needed, e.g. Cu/LME_CASH/USD_PER_T or FX:EUR/USD/ECB");
    }
    final String text = code.trim();
    final int colon = text.indexOf(':');
    if (colon < 0) {
      return PriceSeriesId.parse(text);
    }
    final String prefix = text.substring(0, colon).trim().toUpperCase(Locale.ROOT);
    final String rest = text.substring(colon + 1);
    final SeriesKind kind;
    try {
      kind = SeriesKind.valueOf(prefix);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + code
              + "': unknown series kind '"
              + prefix
              + "'; known: "
              + java.util.Arrays.toString(SeriesKind.values()),
          e);
    }
    return switch (kind) {
      case PRICE -> PriceSeriesId.parse(rest);
      case FX -> FxSeriesId.parse(rest);
      case TC -> TreatmentChargeSeriesId.parse(rest);
      case RC -> RefiningChargeSeriesId.parse(rest);
    };
  }
}
