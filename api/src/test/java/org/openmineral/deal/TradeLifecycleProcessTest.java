package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The trade lifecycle's paths, driven through the deal and task APIs on the embedded engine. */
class TradeLifecycleProcessTest extends DealProcessSupport {

  @Test
  void aDealGoesThroughEveryStageToClosed() {
    // given an onboarded counterparty with a 10 M USD limit
    final String counterparty = approvedCounterparty("Andes Copper SA", 10_000_000);

    // when the trader captures a 1 M USD purchase of 1,000 wmt
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    assertThat(captured.get("status").asText()).isEqualTo("CAPTURED");
    assertThat(captured.get("creditReservationId").isNull()).isFalse();

    // then it is scored, checked and routed to a second trader of the desk (DESK route)
    final long approval = awaitUserTask(instance, "approve-deal");
    final Map<String, JsonNode> routed = variables(instance);
    assertThat(routed.get("kycStatus").asText()).isEqualTo("APPROVED");
    assertThat(routed.get("approvalRoute").asText()).isEqualTo("DESK");
    assertThat(routed.get("riskScore").decimalValue())
        .isBetween(BigDecimal.ZERO, new BigDecimal("40"));
    assertThat(routed.get("creditReserved").asBoolean()).isTrue();

    // the capturer may not approve (four eyes), the second trader may
    final Answer refused = complete("trader", approval, Map.of("approvalDecision", "APPROVE"));
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(403);
    assertThat(refused.body().get("type").asText()).endsWith("/four-eyes");
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    assertThat(variables(instance).get("approvedBy").asText()).isEqualTo("trader2");

    // the agent has no model: legal drafts the contract, then clears it
    final long draft = awaitUserTask(instance, "draft-contract-manually");
    assertThat(variables(instance).get("contractEscalationReason").asText())
        .isEqualTo("no model configured");
    assertThat(
            complete(
                    "legal",
                    draft,
                    Map.of("contractReference", "C-2026-001", "contractSummary", "Standard terms"))
                .status())
        .isEqualTo(204);
    final long review = awaitUserTask(instance, "legal-review");
    assertThat(
            complete("legal", review, Map.of("legalDecision", "CLEAR", "legalComment", "Fine"))
                .status())
        .isEqualTo(204);
    awaitDeal(dealId, d -> d.status().equals("IN_EXECUTION"));

    // hedging starts as a called process; logistics events arrive, one of them twice
    final long hedging = awaitCalledInstance(instance, "hedging");
    assertThat(
            event(
                    "operations",
                    dealId,
                    "vessel-nominated",
                    "nom-1",
                    Map.of("vesselName", "MV Atacama"))
                .status())
        .isEqualTo(202);
    final Answer again =
        event(
            "operations", dealId, "vessel-nominated", "nom-1", Map.of("vesselName", "MV Atacama"));
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("duplicate").asBoolean()).isTrue();
    assertThat(
            event(
                    "operations",
                    dealId,
                    "bill-of-lading-issued",
                    "bl-1",
                    Map.of("billOfLadingNumber", "BL-77"))
                .status())
        .isEqualTo(202);
    assertThat(event("operations", dealId, "arrived", "arr-1", Map.of("port", "Hamburg")).status())
        .isEqualTo(202);
    await(elementCompleted(instance, "logistics"));
    awaitDeal(dealId, d -> d.status().equals("SETTLING"));

    // settlement books the provisional invoice; assays are exchanged
    final long settlement = awaitCalledInstance(instance, "settlement");
    await(elementCompleted(settlement, "provisional-invoice"));
    assertThat(
            event(
                    "operations",
                    dealId,
                    "assays-received",
                    "assays-1",
                    Map.of(
                        "sellerAssays", Map.of("Cu", Map.of("value", 25.10, "unit", "PCT")),
                        "buyerAssays", Map.of("Cu", Map.of("value", 25.00, "unit", "PCT"))))
                .status())
        .isEqualTo(202);

    // when the QP ends (engine clock), the final prices are published and the final invoice booked
    engine.increaseTime(Duration.ofDays(22));
    await(elementCompleted(instance, "fix-qp-prices"));
    await(elementCompleted(settlement, "final-invoice"));
    await(instanceCompleted(hedging));
    final BigDecimal balance =
        jdbc.queryForObject(
            "select balance from invoice where deal_id = ? and kind = 'FINAL'",
            BigDecimal.class,
            dealId);

    // and the buyer's payment arrives
    assertThat(
            event("operations", dealId, "payment-received", "pay-1", Map.of("amount", balance))
                .status())
        .isEqualTo(202);
    await(instanceCompleted(instance));

    // then the deal is closed with its report and its credit released
    final Deal closed = awaitDeal(dealId, d -> d.status().equals("CLOSED"));
    assertThat(closed.report().get("invoices")).hasSize(2);
    assertThat(closed.report().get("hedges")).hasSize(1);
    assertThat(closed.report().get("events").size()).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select status from credit_reservation where id = ?",
                String.class,
                closed.creditReservationId()))
        .isEqualTo("RELEASED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from deal_activity where deal_id = ? and action = 'EVENT vessel-nominated'",
                Integer.class,
                UUID.fromString(dealId)))
        .isEqualTo(1);
  }
}
