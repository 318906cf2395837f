package org.openmineral.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.answer;
import static org.openmineral.agent.ScriptedChatModel.failure;
import static org.openmineral.agent.ScriptedChatModel.toolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmineral.agent.ScriptedAgentModels;
import org.openmineral.agent.ScriptedChatModel;
import org.openmineral.counterparty.KycStatus;
import org.openmineral.workers.agent.EngineAgentAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code agent.review-screening-hits} as an agent on the embedded engine, with scripted chat
 * models: a confident answer goes on to compliance without a person's review, and each escalation
 * cause reaches the user task "Review screening hits" with the draft, reasons and cause, whose
 * completion flows on to compliance's decision.
 */
class ScreeningAgentProcessTest extends OnboardingProcessSupport {
  private static final String CUBAN_BANK = "Banco Nacional de Cuba";

  @Autowired ScriptedAgentModels models;

  @Test
  void confidentAgentReviewGoesToComplianceWithoutAPersonsReviewAndEveryStepIsAudited()
      throws IOException {
    final Map<String, Object> cuban = newCounterparty(CUBAN_BANK, "ENTITY", "CU", List.of(), true);
    final String id = (String) cuban.get("counterpartyId");
    final ScriptedChatModel model =
        new ScriptedChatModel(
            toolCall("screen_name", "{\"name\": \"Banco Nacional de Cuba\", \"type\": \"ENTITY\"}"),
            toolCall("counterparty", "{\"id\": \"" + id + "\"}"),
            review("TRUE_MATCH", "YES", "0.93"));
    models.script(id, model);

    final long instance = start(cuban);

    final long decision = awaitUserTask(instance, "compliance-decision");
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .extracting(
            r ->
                ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue())
                    .getElementId())
        .doesNotContain("review-hits");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("hitsReviewOutcome").asText()).isEqualTo("TRUE_MATCH");
    assertThat(seen.get("hitsReviewNotes").asText())
        .startsWith("Pre-reviewed by the screening agent (confidence 0.93): ");
    assertThat(seen.get("agentConfidence").decimalValue()).isEqualByComparingTo("0.93");
    assertThat(seen.get("agentReview").get("hits").get(0).get("sameParty").asText())
        .isEqualTo("YES");
    assertThat(seen).doesNotContainKey("agentEscalationCause");
    // the tools answered from the lists and the counterparty's record
    assertThat(toolAnswer(model.requests().get(1))).contains("BANCO NACIONAL DE CUBA");
    assertThat(toolAnswer(model.requests().get(2)))
        .contains(CUBAN_BANK)
        .contains("\"kycStatus\":\"PENDING\"");
    // the prompt has the case and nothing it does not need
    assertThat(model.caseText()).contains(CUBAN_BANK).contains("potentialMatches");

    final List<String> audited = auditedAgentSteps(instance, 7);
    assertThat(audited)
        .containsExactly(
            "PROMPT", "ANSWER", "TOOL_CALL", "ANSWER", "TOOL_CALL", "ANSWER", "OUTCOME");

    userTasks.complete(
        decision,
        Map.of(
            "complianceDecision", "REJECT", "complianceComment", "The listed Cuban state bank."));
    await(elementCompleted(instance, "end-rejected"));
    assertThat(awaitStatus(id, KycStatus.REJECTED).getLatestScreeningDecision())
        .isEqualTo("POTENTIAL_MATCH");
  }

  static Stream<Arguments> escalations() {
    final List<Function<ChatRequest, AiMessage>> tooManyToolCalls = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      tooManyToolCalls.add(
          toolCall(
              "screen_name", "{\"name\": \"Banco Nacional " + i + "\", \"type\": \"ENTITY\"}"));
    }
    return Stream.of(
        Arguments.of("NO_MODEL", null, "no model configured", false),
        Arguments.of(
            "MODEL_ERROR",
            new ScriptedChatModel(failure("HTTP 500 from the provider")),
            "HTTP 500 from the provider",
            false),
        Arguments.of(
            "VALIDATION_FAILED",
            new ScriptedChatModel(
                answer(
                    """
                    {"outcome": "FALSE_POSITIVE", "hits": [{"entryId": "99999", "party": "Banco Nacional de Cuba",
                     "sameParty": "NO", "why": "a different bank"}], "notes": "Not the listed bank at all.",
                     "confidence": 0.9, "reasons": ["different bank"]}""")),
            "assesses hits the case does not have",
            true),
        Arguments.of(
            "GUARDRAIL",
            new ScriptedChatModel(tooManyToolCalls.toArray(Function[]::new)),
            "tool-call limit of 8 exceeded",
            false),
        Arguments.of(
            "LOW_CONFIDENCE",
            new ScriptedChatModel(review("FALSE_POSITIVE", "NO", "0.41")),
            "confidence 0.41 is below the threshold 0.80",
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escalations")
  void escalationReachesThePersonsReviewWithTheCauseAndThePersonsDecisionFlowsOn(
      final String cause,
      final ScriptedChatModel model,
      final String reason,
      final boolean hasDraft) {
    final Map<String, Object> cuban = newCounterparty(CUBAN_BANK, "ENTITY", "CU", List.of(), true);
    final String id = (String) cuban.get("counterpartyId");
    if (model != null) {
      models.script(id, model);
    }

    final long instance = start(cuban);

    final long review = awaitUserTask(instance, "review-hits");
    final JobRecordValue escalated =
        (JobRecordValue)
            await(r -> ofInstance(r, instance) && isEvent(r, ValueType.JOB, JobIntent.ERROR_THROWN))
                .getValue();
    assertThat(escalated.getType()).isEqualTo("agent.review-screening-hits");
    assertThat(escalated.getErrorCode()).isEqualTo("ESCALATE");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("agentEscalationCause").asText()).isEqualTo(cause);
    assertThat(seen.get("agentEscalationReason").asText()).contains(reason);
    assertThat(seen.get("screeningEscalationReason").asText()).contains(reason);
    if (hasDraft) {
      assertThat(seen.get("agentDraft").isObject()).isTrue();
      assertThat(seen.get("agentDraftText").asText()).contains("\"outcome\"");
      assertThat(seen.get("agentReasons")).isNotEmpty();
      assertThat(seen.get("agentConfidence").isNumber()).isTrue();
    } else {
      assertThat(seen.get("agentDraft").isNull()).isTrue();
      assertThat(seen.get("agentDraftText").asText()).isEmpty();
      assertThat(seen.get("agentReasons")).isEmpty();
      assertThat(seen.get("agentConfidence").isNull()).isTrue();
    }

    userTasks.complete(
        review,
        Map.of(
            "hitsReviewOutcome", "TRUE_MATCH",
            "hitsReviewNotes", "Same name and country as the listed Cuban state bank."));
    final long decision = awaitUserTask(instance, "compliance-decision");
    assertThat(variables(instance).get("hitsReviewOutcome").asText()).isEqualTo("TRUE_MATCH");
    userTasks.complete(
        decision,
        Map.of("complianceDecision", "REJECT", "complianceComment", "Listed on the SDN list."));
    await(elementCompleted(instance, "end-rejected"));
    await(instanceCompleted(instance));
  }

  /** A final answer that assesses every hit of the case with {@code verdict}. */
  static Function<ChatRequest, AiMessage> review(
      final String outcome, final String verdict, final String confidence) {
    return request -> {
      final JsonNode facts = caseOf(request);
      final ObjectNode answer = JSON.createObjectNode();
      answer.put("outcome", outcome);
      final ArrayNode hits = answer.putArray("hits");
      facts
          .path("potentialMatches")
          .forEach(
              m ->
                  hits.addObject()
                      .put("entryId", m.get("entryId").asText())
                      .put("party", m.get("party").asText())
                      .put("sameParty", verdict)
                      .put(
                          "why",
                          "listed "
                              + m.get("listedName").asText()
                              + " on "
                              + m.get("list").asText()));
      answer.put("notes", "Compared the listed name, type and country with the counterparty.");
      answer.put("confidence", new java.math.BigDecimal(confidence));
      answer
          .putArray("reasons")
          .add("screening match on entry " + hits.get(0).get("entryId").asText());
      return AiMessage.from(answer.toString());
    };
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static JsonNode caseOf(final ChatRequest request) {
    for (final ChatMessage message : request.messages()) {
      if (message instanceof UserMessage user) {
        final String text = user.singleText();
        try {
          return JSON.readTree(text.substring(text.indexOf('\n') + 1));
        } catch (final IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no case in the request");
  }

  private static String toolAnswer(final ChatRequest request) {
    return ((ToolExecutionResultMessage) request.messages().getLast()).text();
  }

  /** The kinds of the agent steps in the instance's audit history, once {@code count} are there. */
  private List<String> auditedAgentSteps(final long instance, final int count) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              final HttpResponse<String> response =
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(
                                  url("/api/process-instances/" + instance + "/history"))
                              .header("Authorization", bearer("auditor"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
              final List<String> kinds = new ArrayList<>();
              if (response.statusCode() == 200) {
                for (final JsonNode event : json.readTree(response.body()).get("events")) {
                  final JsonNode value = event.get("value");
                  if ("VARIABLE".equals(event.get("valueType").asText())
                      && EngineAgentAuditTrail.VARIABLE.equals(value.path("name").asText())) {
                    kinds.add(json.readTree(value.get("value").asText()).get("kind").asText());
                  }
                }
              }
              return kinds;
            },
            kinds -> kinds.size() >= count);
  }
}
