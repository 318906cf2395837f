package org.openmineral.marketdata;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.openmineral.domain.forecasting.PriceForecaster;
import org.openmineral.domain.predeal.PreDealAnalysis;
import org.openmineral.domain.predeal.PreDealAnalyst;
import org.openmineral.domain.predeal.ProposedDeal;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.UnknownPriceSeriesException;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.marketdata.MarketDataProblems.NotFound;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.pricing.ValuationMapping;
import org.openmineral.pricing.ValuationRequest;
import org.springframework.stereotype.Component;

/**
 * Pre-deal analysis of a proposed deal against the stored price history: for {@code POST
 * /api/market-data/pre-deal-analysis} and the pre-deal brief agent.
 */
@Component
public class PreDealAnalyses {
  private final MarketPrices prices;
  private final PreDealAnalyst analyst = new PreDealAnalyst(PriceForecaster.defaults());

  public PreDealAnalyses(final MarketPrices prices) {
    this.prices = prices;
  }

  /**
   * The proposed deal: the metal (symbol), the series to use (default: the World Bank monthly
   * series of the metal), the QP months and the lot with its terms in the shape of {@code POST
   * /api/pricing/valuations}.
   */
  public record Request(
      String metal, String series, String qpFirst, String qpLast, ValuationRequest valuation) {}

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
        history);
  }

  private PriceSeries series(final String code) {
    final PriceSeriesId id;
    try {
      id = PriceSeriesId.parse(code);
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("code", e.getMessage());
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
