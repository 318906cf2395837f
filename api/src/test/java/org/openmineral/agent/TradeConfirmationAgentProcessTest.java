package org.openmineral.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.answer;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code agent.extract-trade-confirmation} on the embedded engine in a small model of its own (a
 * service task with the ESCALATE boundary into a person's check), with scripted chat models.
 */
class TradeConfirmationAgentProcessTest extends ProcessTest {
  static final String PROCESS = "agent-extraction-check";
  static final String CONFIRMATION =
      """
      TRADE CONFIRMATION No. OM-2026-0142
      Seller: Andes Copper Mining S.A.
      Buyer: Nordvik Smelting AS
      Material: Copper concentrate, Cu 26% typical
      Quantity: 10,000 wmt +/- 10% at Seller's option
      Quotational period: M+1 after the month of arrival
      Delivery: CIF Free Out Qingdao, China (Incoterms 2020)
      Shipment: March 2026
      Payables: Cu 96.5% subject to a minimum deduction of 1.0 unit
      TC: USD 80.00/dmt   RC: USD 0.080/lb
      Contact: ops@andes-copper.example, +56 2 2345 6789
      """;

  @Autowired ScriptedAgentModels models;

  @BeforeEach
  void deployTheCheckModel() {
    final BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .startEvent("start")
            .serviceTask("extract", t -> t.zeebeJobType("agent.extract-trade-confirmation"))
            .boundaryEvent(
                "escalated",
                b ->
                    b.error("ESCALATE")
                        .zeebeOutputExpression("agentEscalationCause", "agentEscalationCause")
                        .zeebeOutputExpression("agentEscalationReason", "agentEscalationReason")
                        .zeebeOutputExpression("agentDraft", "agentDraft"))
            .userTask("check", u -> u.zeebeUserTask().zeebeCandidateGroups("operations"))
            .endEvent("checked")
            .moveToActivity("extract")
            .endEvent("extracted")
            .done();
    client.newDeployResourceCommand().addProcessModel(model, PROCESS + ".bpmn").send().join();
  }

  private long start(final String dealId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(Map.of("confirmationText", CONFIRMATION, "dealId", dealId))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Test
  void quotedTermsAreExtractedWithoutAPerson() {
    final String deal = UUID.randomUUID().toString();
    final ScriptedChatModel model =
        new ScriptedChatModel(
            answer(
                """
                {"fields": [
                  {"name": "seller", "value": "Andes Copper Mining S.A.", "quote": "Seller: Andes Copper Mining S.A."},
                  {"name": "buyer", "value": "Nordvik Smelting AS", "quote": "Buyer: Nordvik Smelting AS"},
                  {"name": "metal", "value": "copper", "quote": "Material: Copper concentrate"},
                  {"name": "quantity", "value": "10,000 wmt", "quote": "Quantity: 10,000 wmt"},
                  {"name": "tolerance", "value": "10% at Seller's option", "quote": "+/- 10% at Seller's option"},
                  {"name": "quotationalPeriod", "value": "M+1", "quote": "Quotational period: M+1 after the month of arrival"},
                  {"name": "incoterm", "value": "CIF Free Out Qingdao", "quote": "CIF Free Out Qingdao, China (Incoterms 2020)"},
                  {"name": "treatmentCharge", "value": "USD 80.00/dmt", "quote": "TC: USD 80.00/dmt"}
                ], "missing": [], "confidence": 0.94, "reasons": ["every term quoted from the confirmation"]}"""));
    models.script(deal, model);

    final long instance = start(deal);

    await(instanceCompleted(instance));
    assertThat(matching(elementCompleted(instance, "extracted"))).hasSize(1);
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("extractedTerms").get("quantity").asText()).isEqualTo("10,000 wmt");
    assertThat(seen.get("extractedTerms").get("incoterm").asText())
        .isEqualTo("CIF Free Out Qingdao");
    assertThat(seen.get("extractedEvidence")).hasSize(8);
    assertThat(seen.get("agentConfidence").decimalValue()).isEqualByComparingTo("0.94");
    // the model never saw the contact details
    assertThat(model.caseText())
        .contains("Nordvik Smelting AS")
        .doesNotContain("ops@andes-copper.example")
        .doesNotContain("2345 6789");
  }

  @Test
  void aQuoteThatIsNotInTheConfirmationGoesToAPerson() {
    final String deal = UUID.randomUUID().toString();
    models.script(
        deal,
        new ScriptedChatModel(
            answer(
                """
                {"fields": [
                  {"name": "seller", "value": "Andes Copper Mining S.A.", "quote": "Seller: Andes Copper Mining S.A."},
                  {"name": "quantity", "value": "12,000 wmt", "quote": "Quantity: 12,000 wmt"}
                ], "missing": [], "confidence": 0.97, "reasons": ["read from the confirmation"]}""")));

    final long instance = start(deal);

    final long check = awaitUserTask(instance, "check");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("agentEscalationCause").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(seen.get("agentEscalationReason").asText())
        .contains("quantity: the quote 'Quantity: 12,000 wmt' is not in the confirmation");
    assertThat(seen.get("agentDraft").get("fields")).hasSize(2);

    userTasks.complete(check, Map.of("checkedBy", "operations"));
    await(elementCompleted(instance, "checked"));
    await(instanceCompleted(instance));
  }

  @Test
  void aConfirmationWithoutRequiredTermsGoesToAPersonAsLowConfidence() {
    final String deal = UUID.randomUUID().toString();
    models.script(
        deal,
        new ScriptedChatModel(
            answer(
                """
                {"fields": [
                  {"name": "seller", "value": "Andes Copper Mining S.A.", "quote": "Seller: Andes Copper Mining S.A."}
                ], "missing": ["metal", "quantity"], "confidence": 0.9,
                 "reasons": ["metal and quantity are not stated as such"]}""")));

    final long instance = start(deal);

    awaitUserTask(instance, "check");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("agentEscalationCause").asText()).isEqualTo("LOW_CONFIDENCE");
    assertThat(seen.get("agentEscalationReason").asText()).contains("does not state");
  }
}
