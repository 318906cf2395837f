package org.openmineral.domain.pricing;

import java.util.Locale;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.valuation.RefiningUnit;

/**
 * A refining charge benchmark series for {@code metal}, in USD per payable unit of the metal, in
 * the units of {@link org.openmineral.domain.valuation.RefiningCharge}: {@code
 * RC:Cu/BENCHMARK/USD_PER_LB} (copper RCs are quoted in US cents per payable pound; the series
 * holds dollars, e.g. 0.0800 for 8.0 c/lb), {@code RC:Au/BENCHMARK/USD_PER_OZT}.
 *
 * @param metal the payable metal refined
 * @param market who sets or publishes the benchmark, upper case, e.g. {@code BENCHMARK}
 * @param unit USD per payable pound, troy ounce or tonne
 */
public record RefiningChargeSeriesId(Element metal, String market, RefiningUnit unit)
    implements SeriesId {
  static final String EXAMPLE = "RC:Cu/BENCHMARK/USD_PER_LB (metal/market/unit)";

  public RefiningChargeSeriesId {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(unit, "unit");
    market = SeriesCodes.market(market, "a refining charge");
  }

  public static RefiningChargeSeriesId of(
      final Element metal, final String market, final RefiningUnit unit) {
    return new RefiningChargeSeriesId(metal, market, unit);
  }

  /** Reads {@code Cu/BENCHMARK/USD_PER_LB} (the part after {@code RC:}). */
  static RefiningChargeSeriesId parse(final String body) {
    final String[] parts = SeriesCodes.threeParts(body, EXAMPLE);
    final RefiningUnit unit;
    try {
      unit = RefiningUnit.valueOf(parts[2].toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'RC:"
              + body
              + "': unknown unit '"
              + parts[2]
              + "'; known: "
              + java.util.Arrays.toString(RefiningUnit.values()),
          e);
    }
    return new RefiningChargeSeriesId(Element.ofSymbol(parts[0]), parts[1], unit);
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.RC;
  }

  @Override
  public String unitName() {
    return unit.name();
  }

  @Override
  public String toString() {
    return "RC:" + metal.symbol() + "/" + market + "/" + unit;
  }
}
