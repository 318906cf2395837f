package org.openmineral.domain.pricing;

import java.util.Locale;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * A treatment charge benchmark series for concentrates of {@code metal}, in USD per dry metric
 * tonne of concentrate, the unit of {@link
 * org.openmineral.domain.valuation.TreatmentCharge#usdPerDmt()}: {@code
 * TC:Cu/BENCHMARK/USD_PER_DMT}. The unit is written in the code so that it reads like the other
 * series, and is the only one accepted.
 *
 * @param metal the payable metal whose concentrates the charge is for
 * @param market who sets or publishes the benchmark, upper case, e.g. {@code BENCHMARK}
 */
public record TreatmentChargeSeriesId(Element metal, String market) implements SeriesId {
  /** The unit of every treatment charge series. */
  public static final String UNIT = "USD_PER_DMT";

  static final String EXAMPLE = "TC:Cu/BENCHMARK/USD_PER_DMT (metal/market/USD_PER_DMT)";

  public TreatmentChargeSeriesId {
    Objects.requireNonNull(metal, "metal");
    market = SeriesCodes.market(market, "a treatment charge");
  }

  public static TreatmentChargeSeriesId of(final Element metal, final String market) {
    return new TreatmentChargeSeriesId(metal, market);
  }

  /** Reads {@code Cu/BENCHMARK/USD_PER_DMT} (the part after {@code TC:}). */
  static TreatmentChargeSeriesId parse(final String body) {
    final String[] parts = SeriesCodes.threeParts(body, EXAMPLE);
    if (!UNIT.equals(parts[2].toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "'TC:"
              + body
              + "': unknown unit '"
              + parts[2]
              + "'; a treatment charge is quoted in "
              + UNIT);
    }
    return new TreatmentChargeSeriesId(Element.ofSymbol(parts[0]), parts[1]);
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.TC;
  }

  @Override
  public String unitName() {
    return UNIT;
  }

  @Override
  public String toString() {
    return "TC:" + metal.symbol() + "/" + market + "/" + UNIT;
  }
}
