package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.toolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openmineral.agent.ScriptedAgentModels;
import org.openmineral.agent.ScriptedChatModel;
import org.openmineral.knowledge.KnowledgeIndex;
import org.openmineral.workers.agent.ReferenceLibrary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code agent.draft-contract} in the trade lifecycle on the embedded engine, with scripted chat
 * models: a draft that fits the deal goes to legal review without legal drafting it; a draft whose
 * treatment charge differs from the deal's reaches legal's "Draft contract" with the cause and the
 * draft, and legal's contract flows on to the review.
 */
class DraftContractAgentProcessTest extends DealProcessSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ScriptedAgentModels models;
  @Autowired KnowledgeIndex knowledge;

  /** Captures a deal and approves it (four eyes); returns its id and instance. */
  private record Approved(String dealId, long instance) {}

  private Approved approvedDeal(final String counterpartyName, final ScriptedChatModel model) {
    final String counterparty = approvedCounterparty(counterpartyName, 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 1000, 1_000_000));
    final String dealId = captured.get("id").asText();
    models.script(dealId, model);
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    final long approval = awaitUserTask(instance, "approve-deal");
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    return new Approved(dealId, instance);
  }

  @Test
  void aDraftThatFitsTheDealGoesToLegalReviewWithoutLegalDraftingIt() {
    final ScriptedChatModel model =
        new ScriptedChatModel(
            request ->
                toolCall(
                        "deal",
                        "{\"id\": \""
                            + ScriptedChatModel.caseJson(request).get("dealId").asText()
                            + "\"}")
                    .apply(request),
            toolCall(
                "search_reference",
                "{\"query\": \"copper payables\", \"collection\": \"clauses\"}"),
            draft("80", "0.9"));
    final Approved deal = approvedDeal("Atacama Cobre SpA", model);

    final long review = awaitUserTask(deal.instance(), "legal-review");

    assertThat(matching(elementCompleted(deal.instance(), "draft-contract"))).hasSize(1);
    assertThat(
            matching(
                r ->
                    ofInstance(r, deal.instance())
                        && isUserTaskCreated(r, "draft-contract-manually")))
        .isEmpty();
    final Map<String, JsonNode> seen = variables(deal.instance());
    assertThat(seen.get("contractReference").asText()).isEqualTo("AGENT-DRAFT-" + deal.dealId());
    assertThat(seen.get("contractDraft").asText())
        .startsWith("# Copper concentrate purchase contract")
        .contains("Seller: Atacama Cobre SpA")
        .contains("96.5 %")
        .contains("_Source: clauses/sanctions_");
    assertThat(seen.get("agentConfidence").decimalValue()).isEqualByComparingTo("0.9");
    final String dealAnswer =
        ((ToolExecutionResultMessage) model.requests().get(1).messages().getLast()).text();
    assertThat(dealAnswer).contains("Atacama Cobre SpA").contains("\"kycStatus\":\"APPROVED\"");
    final String clauses =
        ((ToolExecutionResultMessage) model.requests().get(2).messages().getLast()).text();
    assertThat(clauses).contains("clauses/payables");

    assertThat(
            complete("legal", review, Map.of("legalDecision", "CLEAR", "legalComment", "Fine"))
                .status())
        .isEqualTo(204);
    awaitDeal(deal.dealId(), d -> d.status().equals("IN_EXECUTION"));
  }

  @Test
  void aDraftWithAnotherTreatmentChargeGoesToLegalWithTheCauseAndTheDraft() {
    final Approved deal =
        approvedDeal("Minera Quebrada Ltda", new ScriptedChatModel(draft("85", "0.95")));

    final long manual = awaitUserTask(deal.instance(), "draft-contract-manually");

    final Map<String, JsonNode> seen = variables(deal.instance());
    assertThat(seen.get("agentEscalationCause").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(seen.get("contractEscalationReason").asText())
        .startsWith("agent escalated (VALIDATION_FAILED)")
        .contains("the treatment charge 80 of the deal is not in its clause");
    assertThat(seen.get("agentDraftText").asText()).contains("USD 85.00 per dry metric tonne");
    assertThat(seen.get("agentReasons")).isNotEmpty();

    assertThat(
            complete(
                    "legal",
                    manual,
                    Map.of(
                        "contractReference", "C-2026-117",
                        "contractSummary", "Standard terms, TC 80 USD/dmt as agreed"))
                .status())
        .isEqualTo(204);
    awaitUserTask(deal.instance(), "legal-review");
    assertThat(variables(deal.instance()).get("contractReference").asText())
        .isEqualTo("C-2026-117");
  }

  @Test
  void pastDealsAreFoundByWhatWasAgreedAndWithWhom() {
    final String counterparty = approvedCounterparty("Kupferhandel Rhein GmbH", 10_000_000);
    final String dealId =
        capture("trader", dealBody(counterparty, 1500, 1_400_000)).get("id").asText();

    knowledge.build();
    final List<ReferenceLibrary.Passage> found =
        knowledge.search("copper concentrate bought from Kupferhandel Rhein", "deals", 3);

    assertThat(found).isNotEmpty();
    assertThat(found.get(0).document()).isEqualTo(dealId);
    assertThat(found.get(0).title())
        .contains("purchase of Copper concentrate from Kupferhandel Rhein GmbH");
    assertThat(found.get(0).text())
        .contains("1500 WMT")
        .contains("payable Cu 96.5 %")
        .contains("TC 80 USD/dmt");
  }

  private static boolean isUserTaskCreated(
      final io.camunda.zeebe.protocol.record.Record<?> r, final String elementId) {
    return isEvent(
            r,
            io.camunda.zeebe.protocol.record.ValueType.USER_TASK,
            io.camunda.zeebe.protocol.record.intent.UserTaskIntent.CREATED)
        && ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue())
            .getElementId()
            .equals(elementId);
  }

  /** A draft from the deal's facts, with the treatment charge {@code tc}. */
  private static Function<ChatRequest, AiMessage> draft(final String tc, final String confidence) {
    return request -> {
      final JsonNode deal = ScriptedChatModel.caseJson(request);
      final ObjectNode draft = JSON.createObjectNode();
      draft.put("title", "Copper concentrate purchase contract " + deal.get("dealId").asText());
      draft.put("seller", deal.get("counterpartyName").asText());
      draft.put("buyer", "The Company");
      final ArrayNode clauses = draft.putArray("clauses");
      clause(
          clauses,
          "Quotational period",
          "The QP runs from "
              + deal.at("/pricing/qpStart").asText()
              + " to "
              + deal.at("/pricing/qpEnd").asText()
              + ", LME cash settlement average.",
          "quotational-period");
      clause(
          clauses,
          "Payable metals",
          "Copper: pay "
              + deal.at("/terms/payables/0/payablePct").asText()
              + " % of the final copper content, minimum deduction 1.0 unit.",
          "payables");
      clause(
          clauses,
          "Treatment and refining charges",
          "Treatment charge USD " + tc + ".00 per dry metric tonne; refining charge USD 0.080/lb.",
          "treatment-and-refining-charges");
      clause(
          clauses,
          "Assays and umpire",
          "Splitting limit copper 0.2 % absolute; umpire result final if between the parties.",
          "assays-and-umpire");
      clause(
          clauses,
          "Sanctions",
          "Each party warrants it is not designated on any sanctions list (UN, EU, UK, US).",
          "sanctions");
      draft
          .putArray("deviations")
          .add("Copper splitting limit 0.2 % instead of the standard 0.30 %");
      draft.put("summary", "1,000 wmt copper concentrate, QP pricing, standard terms.");
      draft.put("confidence", new java.math.BigDecimal(confidence));
      draft.putArray("reasons").add("terms of deal " + deal.get("dealId").asText());
      return AiMessage.from(draft.toString());
    };
  }

  private static void clause(
      final ArrayNode clauses, final String heading, final String text, final String document) {
    clauses
        .addObject()
        .put("heading", heading)
        .put("text", text)
        .put("citation", "clauses/" + document);
  }
}
