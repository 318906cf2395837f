package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.audit.AuditLog;

/**
 * The trade lifecycle's variables of a deal (docs/deals.md, "Process variables"): the terms in the
 * shapes the settlement and hedging processes read, the figures derived from them, and the texts
 * its forms show.
 */
final class DealVariables {
  /** Grams in a troy ounce (exact by definition). */
  static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private DealVariables() {}

  static Map<String, Object> of(
      final Deal deal, final String counterpartyName, final ObjectMapper json) {
    final Map<String, Object> v = new LinkedHashMap<>();
    v.put("dealId", deal.id().toString());
    v.put("counterpartyId", deal.counterpartyId().toString());
    v.put("counterpartyName", counterpartyName);
    v.put("direction", deal.direction());
    v.put("commodity", deal.commodity());
    v.put("metal", deal.metal());
    v.put("desk", deal.desk());
    v.put("capturedBy", deal.capturedBy());
    v.put(AuditLog.ACTOR_VARIABLE, deal.capturedBy());
    v.putAll(terms(deal, json));
    return v;
  }

  /** The variables that follow the amendable terms (and the amenders), as amendments send them. */
  static Map<String, Object> terms(final Deal deal, final ObjectMapper json) {
    final DealTerms t = deal.terms();
    final Map<String, Object> v = new LinkedHashMap<>();
    v.put("amendedBy", deal.amendedBy());
    v.put("amendedByText", deal.amendedBy().isEmpty() ? "-" : String.join(", ", deal.amendedBy()));
    v.put("quantity", Map.of("value", t.quantity(), "unit", t.quantityUnit()));
    v.put(
        "quantityText",
        t.quantity().toPlainString()
            + " "
            + t.quantityUnit()
            + " ("
            + t.moisturePct().toPlainString()
            + " % moisture)");
    v.put("wetTonnes", wetTonnes(t));
    v.put("moisturePct", t.moisturePct());
    v.put("provisionalAssays", json.convertValue(t.assays(), Map.class));
    final JsonNode price = t.pricing().get("provisionalPrice");
    v.put(
        "provisionalPrices",
        Map.of(
            deal.metal(),
            Map.of(
                "value", price.get("value").decimalValue(), "unit", price.get("unit").asText())));
    v.put("pricing", json.convertValue(t.pricing(), Map.class));
    v.put("pricingText", pricingText(t.pricing()));
    v.put("qpEndsAt", lastPricingDay(t.pricing()) + "T23:59:59Z");
    v.put("terms", json.convertValue(t.terms(), Map.class));
    v.put("provisionalPct", t.provisionalPct());
    v.put("dealValue", t.valueAmount());
    v.put("currency", t.valueCurrency());
    v.put("logisticsDeadline", t.logisticsDeadline());
    v.put("hedgeLeg", hedgeLeg(deal));
    return v;
  }

  static BigDecimal dryTonnes(final DealTerms t) {
    if ("DMT".equals(t.quantityUnit())) {
      return t.quantity();
    }
    return t.quantity()
        .multiply(HUNDRED.subtract(t.moisturePct()))
        .divide(HUNDRED, 3, RoundingMode.HALF_UP);
  }

  static BigDecimal wetTonnes(final DealTerms t) {
    if ("WMT".equals(t.quantityUnit())) {
      return t.quantity();
    }
    return t.quantity()
        .multiply(HUNDRED)
        .divide(HUNDRED.subtract(t.moisturePct()), 3, RoundingMode.HALF_UP);
  }

  /**
   * The physical leg the hedging process hedges: payable metal = dry tonnes x assay x payable %, in
   * tonnes for a % assay, in troy ounces for g/dmt or ozt/dmt; PURCHASE for BUY, SALE for SELL.
   */
  static Map<String, Object> hedgeLeg(final Deal deal) {
    final DealTerms t = deal.terms();
    final JsonNode assay = t.assays().get(deal.metal());
    BigDecimal payablePct = BigDecimal.ZERO;
    for (final JsonNode p : t.terms().path("payables")) {
      if (deal.metal().equals(p.path("element").asText())) {
        payablePct = p.path("payablePct").decimalValue();
      }
    }
    final BigDecimal dry = dryTonnes(t);
    final BigDecimal value = assay.get("value").decimalValue();
    final String unit;
    BigDecimal contained;
    switch (assay.get("unit").asText()) {
      case "PCT" -> {
        contained = dry.multiply(value).divide(HUNDRED, MathContext.DECIMAL64);
        unit = "TONNE";
      }
      case "G_PER_DMT" -> {
        contained = dry.multiply(value).divide(GRAMS_PER_TROY_OUNCE, MathContext.DECIMAL64);
        unit = "TROY_OUNCE";
      }
      case "OZT_PER_DMT" -> {
        contained = dry.multiply(value);
        unit = "TROY_OUNCE";
      }
      default -> {
        // ppm of a minor element: not hedged
        contained = BigDecimal.ZERO;
        unit = "TONNE";
      }
    }
    final BigDecimal payable =
        contained.multiply(payablePct).divide(HUNDRED, 3, RoundingMode.HALF_UP);
    final Map<String, Object> pricing = new LinkedHashMap<>();
    if ("QP".equals(t.pricing().path("basis").asText())) {
      pricing.put("type", "QP");
      pricing.put("firstDay", t.pricing().path("qpStart").asText());
      pricing.put("lastDay", t.pricing().path("qpEnd").asText());
    } else {
      pricing.put("type", "FIXED");
      pricing.put("fixedOn", t.pricing().path("fixedOn").asText());
    }
    final Map<String, Object> leg = new LinkedHashMap<>();
    leg.put("metal", deal.metal());
    leg.put("direction", "BUY".equals(deal.direction()) ? "PURCHASE" : "SALE");
    leg.put("payableQuantity", payable);
    leg.put("unit", unit);
    leg.put("pricing", pricing);
    return leg;
  }

  static String lastPricingDay(final JsonNode pricing) {
    return "QP".equals(pricing.path("basis").asText())
        ? pricing.path("qpEnd").asText()
        : pricing.path("fixedOn").asText();
  }

  static String pricingText(final JsonNode p) {
    final JsonNode price = p.path("provisionalPrice");
    final String provisional =
        ", provisional " + price.path("value").asText() + " " + price.path("unit").asText();
    return "QP".equals(p.path("basis").asText())
        ? "QP " + p.path("qpStart").asText() + " to " + p.path("qpEnd").asText() + provisional
        : "fixed on " + p.path("fixedOn").asText() + provisional;
  }

  static List<String> names(final Map<String, Object> variables) {
    return List.copyOf(variables.keySet());
  }
}
