package org.openmineral.benchmarks.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deal both products run: a purchase of 1,000 wmt of copper concentrate (8 % moisture, 25 % Cu,
 * 96.5 % payable), 1 M USD, whose quotational period ended 10 days before capture. With the QP
 * over, the QP-end timer is due at once and the hedge is fully priced at its first fixing, so no
 * run needs to move the engine clock; every other step of the happy path runs as in {@code
 * TradeLifecycleProcessTest}.
 */
final class LifecycleDeals {
  private LifecycleDeals() {}

  static LocalDate qpStart(final LocalDate today) {
    return today.minusDays(20);
  }

  static LocalDate qpEnd(final LocalDate today) {
    return today.minusDays(10);
  }

  /** The body of {@code POST /api/counterparties}: a Swiss entity with a 1 bn USD limit. */
  static Map<String, Object> counterpartyBody(final String name) {
    return Map.of(
        "name",
        name,
        "type",
        "ENTITY",
        "country",
        "CH",
        "ownershipDisclosed",
        true,
        "creditLimit",
        Map.of("amount", 1_000_000_000, "currency", "USD"));
  }

  /** The body of {@code POST /api/deals}. */
  static Map<String, Object> captureBody(final String counterpartyId, final LocalDate today) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("counterpartyId", counterpartyId);
    body.put("direction", "BUY");
    body.put("commodity", "Copper concentrate");
    body.put("metal", "Cu");
    body.put("quantity", Map.of("value", 1000, "unit", "WMT"));
    body.put("moisturePct", 8);
    body.put("assays", Map.of("Cu", Map.of("value", 25, "unit", "PCT")));
    body.put("pricing", pricing(today));
    body.put("terms", terms());
    body.put("provisionalPct", 90);
    body.put("value", Map.of("amount", 1_000_000, "currency", "USD"));
    return body;
  }

  private static Map<String, Object> pricing(final LocalDate today) {
    return Map.of(
        "basis", "QP",
        "qpStart", qpStart(today).toString(),
        "qpEnd", qpEnd(today).toString(),
        "provisionalPrice", Map.of("value", 9000, "unit", "USD_PER_T"));
  }

  private static Map<String, Object> terms() {
    return Map.of(
        "payables", List.of(Map.of("element", "Cu", "payablePct", 96.5, "minDeductionUnits", 1.0)),
        "treatmentCharge", Map.of("usdPerDmt", 80),
        "refiningCharges", List.of(Map.of("element", "Cu", "amount", 0.08, "unit", "USD_PER_LB")),
        "penalties", List.of(),
        "splittingLimits", List.of(Map.of("element", "Cu", "maxDifference", 0.2, "unit", "PCT")),
        "umpireRule", "UMPIRE_RESULT_IF_BETWEEN");
  }

  /** The start variables the deal API gives the trade lifecycle for this deal (docs/deals.md). */
  static Map<String, Object> startVariables(
      final String dealId, final String counterpartyId, final LocalDate today) {
    final Map<String, Object> v = new LinkedHashMap<>();
    v.put("dealId", dealId);
    v.put("counterpartyId", counterpartyId);
    v.put("counterpartyName", "Andes Copper SA");
    v.put("direction", "BUY");
    v.put("commodity", "Copper concentrate");
    v.put("metal", "Cu");
    v.put("desk", "base-metals");
    v.put("capturedBy", "trader");
    v.put("amendedBy", List.of());
    v.put("amendedByText", "-");
    v.put("quantity", Map.of("value", 1000, "unit", "WMT"));
    v.put("quantityText", "1000 WMT (8 % moisture)");
    v.put("wetTonnes", new BigDecimal("1000"));
    v.put("moisturePct", new BigDecimal("8"));
    v.put("provisionalAssays", Map.of("Cu", Map.of("value", 25, "unit", "PCT")));
    v.put("provisionalPrices", Map.of("Cu", Map.of("value", 9000, "unit", "USD_PER_T")));
    v.put("pricing", pricing(today));
    v.put("pricingText", "QP " + qpStart(today) + " to " + qpEnd(today) + ", provisional 9000");
    v.put("qpEndsAt", qpEnd(today) + "T23:59:59Z");
    v.put("terms", terms());
    v.put("provisionalPct", new BigDecimal("90"));
    v.put("dealValue", new BigDecimal("1000000"));
    v.put("currency", "USD");
    v.put("logisticsDeadline", "P60D");
    v.put(
        "hedgeLeg",
        Map.of(
            "metal", "Cu",
            "direction", "PURCHASE",
            "payableQuantity", new BigDecimal("221.950"),
            "unit", "TONNE",
            "pricing",
                Map.of(
                    "type", "QP",
                    "firstDay", qpStart(today).toString(),
                    "lastDay", qpEnd(today).toString())));
    return v;
  }

  /** What a person submits on each user task of the happy path. */
  static Map<String, Object> taskVariables(final String elementId) {
    return switch (elementId) {
      case "approve-deal" -> Map.of("approvalDecision", "APPROVE", "approvalComment", "Fine");
      case "draft-contract-manually" ->
          Map.of(
              "contractReference", "C-2026-001", "contractSummary", "Standard terms of the desk");
      case "legal-review" -> Map.of("legalDecision", "CLEAR", "legalComment", "Fine");
      case "compliance-decision" ->
          Map.of(
              "complianceDecision",
              "APPROVE",
              "complianceComment",
              "Documents checked, no findings");
      default -> Map.of();
    };
  }

  /** A demo user who may complete a task of these candidate groups and is not the capturer. */
  static String userFor(final List<String> candidateGroups) {
    if (candidateGroups.contains("trader")) {
      return "trader2";
    }
    return candidateGroups.isEmpty() ? "admin" : candidateGroups.getFirst();
  }
}
