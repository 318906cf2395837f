package org.openmineral.marketdata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.openmineral.domain.forecasting.PriceForecaster;
import org.openmineral.domain.predeal.ChargeBenchmarks;
import org.openmineral.domain.predeal.PreDealAnalysis;
import org.openmineral.domain.predeal.PreDealAnalyst;
import org.openmineral.domain.predeal.ProposedDeal;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.RefiningChargeSeriesId;
import org.openmineral.domain.pricing.TreatmentChargeSeriesId;
import org.openmineral.domain.pricing.UnknownPriceSeriesException;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.marketdata.MarketDataProblems.NotFound;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.pricing.ValuationMapping;
import org.openmineral.pricing.ValuationRequest;
import org.springframework.stereotype.Component;

/**
 * Pre-deal analysis of a proposed deal against the stored price history: for {@code POST
 * /api/market-data/pre-deal-analysis} and the pre-deal brief agent. Where the terms give no
 * treatment charge, or no refining charge of the metal, the store's TC/RC benchmarks of the metal
 * ({@code TC:<metal>/<benchmarkMarket>/USD_PER_DMT}, {@code RC:<metal>/<benchmarkMarket>/<unit>})
 * as of the analysis date are used, and the analysis says which ({@link PreDealAnalysis#charges}).
 */
@Component
public class PreDealAnalyses {
  private final MarketPrices prices;
  private final PreDealAnalyst analyst = new PreDealAnalyst(PriceForecaster.defaults());
  private final Clock clock = Clock.systemUTC();

  public PreDealAnalyses(final MarketPrices prices) {
    this.prices = prices;
  }

  /** The benchmark market used when a request names none. */
  public static final String DEFAULT_BENCHMARK_MARKET = "BENCHMARK";

  /**
   * The proposed deal: the metal (symbol), the series to use (default: the World Bank monthly
   * series of the metal), the QP months and the lot with its terms in the shape of {@code POST
   * /api/pricing/valuations}; the analysis date benchmarks are read as of ({@code asOf}, default
   * today, UTC) and the market of the TC/RC benchmarks ({@code benchmarkMarket}, default {@value
   * #DEFAULT_BENCHMARK_MARKET}).
   */
  public record Request(
      String metal,
      String series,
      String qpFirst,
      String qpLast,
      ValuationRequest valuation,
      String asOf,
      String benchmarkMarket) {}

  /**
   * The analysis.
   *
   * @throws InvalidRequestField naming the field that cannot be analysed
   */
  public PreDealAnalysis analyse(final Request request) {
    if (request == null || request.metal() == null || request.metal().isBlank()) {
      throw new InvalidRequestField("metal", "the metal symbol is needed, e.g. Cu");
    }
    final Element metal;
    try {
      metal = Element.ofSymbol(request.metal());
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("metal", e.getMessage());
    }
    final YearMonth qpFirst = month(request.qpFirst(), "qpFirst");
    final YearMonth qpLast = request.qpLast() == null ? qpFirst : month(request.qpLast(), "qpLast");
    if (request.valuation() == null) {
      throw new InvalidRequestField("valuation", "the lot and its terms are needed");
    }
    final PriceSeries history;
    if (request.series() == null || request.series().isBlank()) {
      final PriceSeriesId id;
      try {
        id = WorldBankPinkSheet.seriesId(metal);
      } catch (final UnknownPriceSeriesException e) {
        throw new InvalidRequestField("metal", e.getMessage());
      }
      history =
          prices
              .find(id)
              .orElseThrow(
                  () ->
                      new InvalidRequestField(
                          "series", "no series " + id + " has been imported; import it first"));
    } else {
      history = series(request.series());
    }
    final LocalDate asOf = asOf(request.asOf());
    final ChargeBenchmarks benchmarks = benchmarks(metal, request.benchmarkMarket());
    final Map<Element, Price> other = new EnumMap<>(Element.class);
    other.putAll(ValuationMapping.prices(request.valuation()));
    other.remove(metal);
    return analyst.analyse(
        new ProposedDeal(
            metal,
            qpFirst,
            qpLast,
            ValuationMapping.lot(request.valuation()),
            ValuationMapping.terms(request.valuation()),
            Map.copyOf(other)),
        history,
        benchmarks,
        asOf);
  }

  /** The metal's TC benchmark and its RC benchmark (per pound before ounce before tonne). */
  private ChargeBenchmarks benchmarks(final Element metal, final String market) {
    final String code =
        market == null || market.isBlank() ? DEFAULT_BENCHMARK_MARKET : market.trim();
    final String benchmarkMarket;
    try {
      benchmarkMarket = TreatmentChargeSeriesId.of(metal, code).market();
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("benchmarkMarket", e.getMessage());
    }
    final PriceSeries tc =
        prices.find(TreatmentChargeSeriesId.of(metal, benchmarkMarket)).orElse(null);
    PriceSeries rc = null;
    for (final RefiningUnit unit : RefiningUnit.values()) {
      rc = prices.find(RefiningChargeSeriesId.of(metal, benchmarkMarket, unit)).orElse(null);
      if (rc != null) {
        break;
      }
    }
    return new ChargeBenchmarks(tc, rc);
  }

  private LocalDate asOf(final String text) {
    if (text == null || text.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField("asOf", "'" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private PriceSeries series(final String code) {
    final PriceSeriesId id;
    try {
      id = PriceSeriesId.parse(code);
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("series", e.getMessage());
    }
    return prices.find(id).orElseThrow(() -> new NotFound("no price series " + id));
  }

  private static YearMonth month(final String text, final String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestField(field, "a month YYYY-MM is needed");
    }
    try {
      return YearMonth.parse(text.trim());
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField(field, "'" + text + "' is not a month YYYY-MM");
    }
  }
}
