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

    // when the trader captures a 1 M USD sale of 1,000 wmt (a sale: the settlement's invoices
    // are owed by the counterparty and count in its credit exposure until paid)
    final Map<String, Object> sale = dealBody(counterparty, 1000, 1_000_000);
    sale.put("direction", "SELL");
    final JsonNode captured = capture("trader", sale);
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
    final BigDecimal provisionalAmount =
        jdbc.queryForObject(
            "select amount from invoice where deal_id = ? and kind = 'PROVISIONAL'",
            BigDecimal.class,
            dealId);
    final String creditPath = "/api/counterparties/" + counterparty + "/credit";
    assertThat(get("risk", creditPath).body().get("openInvoices").decimalValue())
        .isEqualByComparingTo(provisionalAmount);
    // the buyer pays the provisional invoice, which then no longer counts against its credit
    assertThat(
            event(
                    "operations",
                    dealId,
                    "payment-received",
                    "pay-provisional",
                    Map.of("amount", provisionalAmount, "invoice", "PROVISIONAL"))
                .status())
        .isEqualTo(202);
    await(elementCompleted(settlement, "end-provisional-paid"));
    assertThat(
            jdbc.queryForObject(
                "select sum(p.amount) from payment p join invoice i on i.id = p.invoice_id"
                    + " where i.deal_id = ? and i.kind = 'PROVISIONAL'",
                BigDecimal.class,
                dealId))
        .isEqualByComparingTo(provisionalAmount);
    assertThat(get("risk", creditPath).body().get("openInvoices").decimalValue())
        .isEqualByComparingTo(BigDecimal.ZERO);
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
    assertThat(closed.report().get("events").size()).isEqualTo(6);
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

  @Test
  void aSecondProcessStartedForTheSameDealEndsAtItsFirstStepAndTheFirstRunsOn() {
    // given a captured deal whose process has claimed it and waits for approval
    final String counterparty = approvedCounterparty("Twice Started Ores", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long first = Long.parseLong(captured.get("processInstanceKey").asText());
    awaitUserTask(first, "approve-deal");

    // when its process is started again with the same variables, as a capture repeated after a
    // crash between the start and the stored process key would
    final Deal deal = deals.find(UUID.fromString(dealId)).orElseThrow();
    final long second =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS)
            .latestVersion()
            .variables(DealVariables.of(deal, "Twice Started Ores", json))
            .send()
            .join()
            .getProcessInstanceKey();

    // then the second ends at once as a duplicate, before any side effect, and says so
    await(elementCompleted(second, "end-duplicate"));
    await(instanceCompleted(second));
    assertThat(
            matching(
                r ->
                    ofInstance(r, second)
                        && r.getValueType()
                            == io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE
                        && r.getValue()
                            instanceof
                            io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue v
                        && v.getElementId().equals("compliance")))
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select detail->>'dealProcessInstanceKey' from deal_activity"
                    + " where deal_id = ? and action = 'DUPLICATE_PROCESS_ENDED'",
                String.class,
                UUID.fromString(dealId)))
        .isEqualTo(Long.toString(first));
    // the deal keeps its process, which goes on as before
    final Deal after = deals.find(UUID.fromString(dealId)).orElseThrow();
    assertThat(after.processInstanceKey()).isEqualTo(first);
    assertThat(after.status()).isEqualTo("CAPTURED");
    final long approval = awaitUserTask(first, "approve-deal");
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    awaitDeal(dealId, d -> d.status().equals("APPROVED"));
  }

  @Test
  void aCounterpartyRejectedByKycEndsTheDeal() {
    // given a counterparty in a prohibited country, rejected by its onboarding
    final String counterparty = counterparty("Tehran Metals", "IR", 5_000_000);
    awaitKyc(counterparty, org.openmineral.counterparty.KycStatus.REJECTED);

    // when a deal with it is captured
    final JsonNode captured = capture("trader", dealBody(counterparty, 500, 400_000));
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());

    // then the compliance check throws KYC_REJECTED, the deal is rejected and its credit released
    await(elementCompleted(instance, "end-rejected-kyc"));
    final Deal rejected =
        awaitDeal(captured.get("id").asText(), d -> d.status().equals("REJECTED"));
    assertThat(rejected.stage()).isEqualTo("KYC_REJECTED");
    assertThat(reservationStatus(rejected)).isEqualTo("RELEASED");
    assertThat(
            matching(
                r ->
                    isEvent(
                            r,
                            io.camunda.zeebe.protocol.record.ValueType.USER_TASK,
                            io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CREATED)
                        && ofInstance(r, instance)))
        .isEmpty();
  }

  @Test
  void aDealWaitsWhileItsCounterpartyIsOnboardedAndGoesOnOnceApproved() {
    // given a counterparty whose onboarding waits for the compliance decision
    final String counterparty = counterparty("Pending Ores Ltd", "CH", 5_000_000);
    final long onboarding =
        counterpartyService
            .find(UUID.fromString(counterparty))
            .orElseThrow()
            .getOnboardingProcessInstanceKey();
    final long decision = awaitUserTask(onboarding, "compliance-decision");
    awaitKyc(counterparty, org.openmineral.counterparty.KycStatus.UNDER_REVIEW);

    // when a deal with it is captured, the compliance check waits
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    final long check = awaitCalledInstance(instance, "counterparty-kyc-check");
    await(
        r ->
            isEvent(
                    r,
                    io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE,
                    io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED)
                && ofInstance(r, check)
                && ((io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue)
                        r.getValue())
                    .getElementId()
                    .equals("wait"));

    // then once compliance approves and the hour has passed, the deal goes on to its approval
    userTasks.complete(
        decision, Map.of("complianceDecision", "APPROVE", "complianceComment", "Checked"));
    awaitKyc(counterparty, org.openmineral.counterparty.KycStatus.APPROVED);
    engine.increaseTime(Duration.ofMinutes(61));
    awaitUserTask(instance, "approve-deal");
    assertThat(variables(instance).get("kycStatus").asText()).isEqualTo("APPROVED");
  }

  @Test
  void aRejectedApprovalEndsTheDealAndReleasesItsCredit() {
    final String counterparty = approvedCounterparty("Zinc Trading AG", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());

    final long approval = awaitUserTask(instance, "approve-deal");
    assertThat(
            complete(
                    "trader2",
                    approval,
                    Map.of("approvalDecision", "REJECT", "approvalComment", "Too concentrated"))
                .status())
        .isEqualTo(204);

    await(elementCompleted(instance, "end-rejected-approval"));
    final Deal rejected =
        awaitDeal(captured.get("id").asText(), d -> d.status().equals("REJECTED"));
    assertThat(rejected.stage()).isEqualTo("APPROVAL_REJECTED");
    assertThat(reservationStatus(rejected)).isEqualTo("RELEASED");
  }

  @Test
  void anApprovalByTheCapturerThatBypassesTheTaskApiIsCaughtByTheModel() {
    // given a deal captured by the trader, waiting for approval
    final String counterparty = approvedCounterparty("Bypass Mining Ltd", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    final long first = awaitUserTask(instance, "approve-deal");

    // when the approval is completed on the engine directly, claiming the capturer approved
    userTasks.claim(first, "trader");
    userTasks.complete(first, Map.of("approvalDecision", "APPROVE", "approvedBy", "trader"));

    // then the model records the violation and asks for the approval again
    await(elementCompleted(instance, "record-violation"));
    final long second = awaitUserTask(2, instance, "approve-deal");
    assertThat(second).isNotEqualTo(first);
    assertThat(activities(dealId)).contains("FOUR_EYES_VIOLATION");
    awaitDeal(dealId, d -> d.status().equals("CAPTURED"));

    // an approval through the API by somebody else goes on
    assertThat(complete("desk-head", second, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    awaitDeal(dealId, d -> d.status().equals("APPROVED"));
  }

  @Test
  void anAmendmentIsReapprovedByNeitherTheCapturerNorTheAmender() {
    // given a deal waiting for approval
    final String counterparty = approvedCounterparty("Amend Metals BV", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    awaitUserTask(instance, "approve-deal");

    // when the desk head amends its quantity
    final Answer amended =
        send(
            "desk-head",
            "PATCH",
            "/api/deals/" + dealId,
            Map.of("quantity", Map.of("value", 1200, "unit", "WMT")),
            Map.of("If-Match", "\"0\""));
    assertThat(amended.status()).as(amended.raw().body()).isEqualTo(200);
    assertThat(amended.body().get("amendedBy").get(0).asText()).isEqualTo("desk-head");

    // then the amendment is to be re-approved: not by the amender, not by the capturer
    final long reapproval = awaitUserTask(instance, "reapprove-amendment");
    assertThat(variables(instance).get("wetTonnes").decimalValue()).isEqualByComparingTo("1200");
    assertThat(complete("desk-head", reapproval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(403);
    assertThat(complete("risk", reapproval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    awaitDeal(dealId, d -> d.stage().equals("AMENDED"));
    assertThat(activities(dealId)).contains("AMENDED", "FOUR_EYES_REFUSED");
  }

  @Test
  void aCancellationMidWayStopsEveryStageAndReleasesTheCredit() {
    // given a deal in execution: hedging started, logistics waiting
    final String counterparty = approvedCounterparty("Cancel Cobre SA", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    approveAndClearContract(instance);
    final long hedging = awaitCalledInstance(instance, "hedging");

    // when the trader cancels it
    final Answer cancelled =
        post("trader", "/api/deals/" + dealId + "/cancel", Map.of("reason", "Buyer withdrew"));
    assertThat(cancelled.status()).isEqualTo(202);
    // the process may have finished the cancellation before the answer is written
    assertThat(cancelled.body().get("status").asText()).isIn("CANCELLING", "CANCELLED");
    assertThat(cancelled.body().get("cancelledBy").asText()).isEqualTo("trader");

    // then the process cancels the hedging and logistics, the deal is CANCELLED, credit released
    await(instanceCompleted(instance));
    await(
        r ->
            isEvent(
                    r,
                    io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE,
                    io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent
                        .ELEMENT_TERMINATED)
                && r.getKey() == hedging);
    final Deal deal = awaitDeal(dealId, d -> d.status().equals("CANCELLED"));
    assertThat(deal.cancelledBy()).isEqualTo("trader");
    assertThat(reservationStatus(deal)).isEqualTo("RELEASED");
    // and it cannot be cancelled again
    assertThat(post("trader", "/api/deals/" + dealId + "/cancel", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void theDealShowsTheOpenTasksOfTheProcessesItCalled() {
    // given a deal large enough (about 666 t payable copper) for its hedge to need a trader
    final String counterparty = approvedCounterparty("Big Hedge Mining", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 3000, 1_000_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    approveAndClearContract(instance);
    final long hedging = awaitCalledInstance(instance, "hedging");
    awaitUserTask(hedging, "approve-hedge");

    // then the deal lists the hedging's approval among its open tasks
    final JsonNode task =
        org.awaitility.Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> {
                  for (final JsonNode t :
                      get("trader", "/api/deals/" + dealId).body().get("openTasks")) {
                    if (t.get("elementId").asText().equals("approve-hedge")) {
                      return t;
                    }
                  }
                  return null;
                },
                java.util.Objects::nonNull);
    assertThat(task.get("processId").asText()).isEqualTo("hedging");
    assertThat(task.get("processInstanceKey").asText()).isEqualTo(Long.toString(hedging));
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("trader");
    assertThat(post("trader", "/api/deals/" + dealId + "/cancel", Map.of()).status())
        .isEqualTo(202);
    await(instanceCompleted(instance));
  }

  @Test
  void missedShipmentEventsRemindWeeklyAndEscalateAtTheDeadline() {
    // given a deal in execution with a 30-day logistics deadline and no shipment news
    final String counterparty = approvedCounterparty("Late Vessel Corp", 10_000_000);
    final Map<String, Object> body = dealBody(counterparty, 1000, 1_000_000);
    body.put("logisticsDeadline", "P30D");
    final JsonNode captured = capture("trader", body);
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    approveAndClearContract(instance);
    awaitDeal(dealId, d -> d.status().equals("IN_EXECUTION"));

    // when a week passes, operations is reminded (the deal goes on waiting)
    engine.increaseTime(Duration.ofDays(8));
    await(elementCompleted(instance, "remind-operations"));
    assertThat(activities(dealId)).contains("LOGISTICS_REMINDER");

    // when the deadline passes, operations must resolve the delay; it cancels the deal
    engine.increaseTime(Duration.ofDays(23));
    final long delay = awaitUserTask(instance, "resolve-delay");
    assertThat(
            complete(
                    "operations",
                    delay,
                    Map.of(
                        "logisticsResolution", "CANCEL", "logisticsComment", "Vessel never fixed"))
                .status())
        .isEqualTo(204);
    await(elementCompleted(instance, "end-cancelled-delay"));
    await(instanceCompleted(instance));
    final Deal deal = awaitDeal(dealId, d -> d.status().equals("CANCELLED"));
    assertThat(reservationStatus(deal)).isEqualTo("RELEASED");
  }

  @Test
  void redeliveredStageAndCloseJobsWriteOnce() {
    final String counterparty = approvedCounterparty("Redelivery Ores", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    awaitUserTask(Long.parseLong(captured.get("processInstanceKey").asText()), "approve-deal");

    assertThat(dealBook.recordStage(dealId, null, "TEST", 991_000_001L)).isTrue();
    assertThat(dealBook.recordStage(dealId, null, "TEST", 991_000_001L)).isFalse();
    final Map<String, Object> report = dealBook.close(dealId, 991_000_002L);
    assertThat(dealBook.close(dealId, 991_000_002L)).isEqualTo(report);
    assertThat(activities(dealId).stream().filter("CLOSED"::equals)).hasSize(1);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.openmineral.workers.deal.DealBook dealBook;

  /** Approves the deal (trader2) and drafts and clears its contract (legal). */
  void approveAndClearContract(final long instance) {
    assertThat(
            complete(
                    "trader2",
                    awaitUserTask(instance, "approve-deal"),
                    Map.of("approvalDecision", "APPROVE"))
                .status())
        .isEqualTo(204);
    assertThat(
            complete(
                    "legal",
                    awaitUserTask(instance, "draft-contract-manually"),
                    Map.of("contractReference", "C-1", "contractSummary", "Standard terms"))
                .status())
        .isEqualTo(204);
    assertThat(
            complete(
                    "legal",
                    awaitUserTask(instance, "legal-review"),
                    Map.of("legalDecision", "CLEAR", "legalComment", "Fine"))
                .status())
        .isEqualTo(204);
  }

  long awaitUserTask(final int count, final long instance, final String elementId) {
    return await(
            count,
            r ->
                isEvent(
                        r,
                        io.camunda.zeebe.protocol.record.ValueType.USER_TASK,
                        io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CREATED)
                    && ofInstance(r, instance)
                    && ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue())
                        .getElementId()
                        .equals(elementId))
        .getKey();
  }

  String reservationStatus(final Deal deal) {
    return jdbc.queryForObject(
        "select status from credit_reservation where id = ?",
        String.class,
        deal.creditReservationId());
  }

  java.util.List<String> activities(final String dealId) {
    return deals.activity(UUID.fromString(dealId)).stream()
        .map(DealStore.Activity::action)
        .toList();
  }
}
