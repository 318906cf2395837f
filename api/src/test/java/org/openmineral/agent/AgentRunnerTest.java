package org.openmineral.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.answer;
import static org.openmineral.agent.ScriptedChatModel.failure;
import static org.openmineral.agent.ScriptedChatModel.slow;
import static org.openmineral.agent.ScriptedChatModel.slowAnswer;
import static org.openmineral.agent.ScriptedChatModel.toolCall;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openmineral.workers.agent.AgentAuditTrail;
import org.openmineral.workers.agent.AgentLimits;
import org.openmineral.workers.agent.AgentOutcome;
import org.openmineral.workers.agent.AgentResultSchema;
import org.openmineral.workers.agent.AgentRunner;
import org.openmineral.workers.agent.AgentSpec;
import org.openmineral.workers.agent.AgentTask;
import org.openmineral.workers.agent.AgentTool;
import org.openmineral.workers.agent.EscalationCause;

/** The agent runner's loop and guardrails with scripted chat models: no network, no engine. */
class AgentRunnerTest {
  private static final AgentResultSchema SCHEMA = AgentResultSchema.load("test-price-check");
  private static final AgentTask TASK = AgentTask.forUser("test.price-check", "conv-1", "trader");
  private static final String VALID =
      """
      {"price": "9350.50", "confidence": 0.92, "reasons": ["LME cash settlement of 2026-11-20 (tool price)"]}""";

  private final List<AgentAuditTrail.Step> steps = new CopyOnWriteArrayList<>();
  private final AtomicInteger priceLookUps = new AtomicInteger();

  private final AgentTool price =
      new AgentTool(
          ToolSpecification.builder()
              .name("price")
              .description("the cash settlement price of a metal")
              .parameters(
                  JsonObjectSchema.builder().addStringProperty("metal").required("metal").build())
              .build(),
          arguments -> {
            priceLookUps.incrementAndGet();
            return Map.of(
                "metal", arguments.path("metal").asText(),
                "price", "9350.50",
                "contact", "desk@example.com, +44 20 7946 0000");
          });

  private AgentRunner runner(final ChatModel model, final AgentLimits limits) {
    return new AgentRunner(
        task -> Optional.ofNullable(model), (task, step) -> steps.add(step), limits);
  }

  private AgentSpec spec(final String input) {
    return new AgentSpec("You check prices.", input, List.of(price), SCHEMA);
  }

  @Test
  void toolAnswersGoBackToTheModelAndAValidConfidentAnswerCompletes() {
    final ScriptedChatModel model =
        new ScriptedChatModel(toolCall("price", "{\"metal\": \"copper\"}"), answer(VALID));

    final AgentOutcome outcome =
        runner(model, AgentLimits.defaults()).run(spec("Copper price today?"), TASK);

    assertThat(outcome).isInstanceOf(AgentOutcome.Completed.class);
    final AgentOutcome.Completed done = (AgentOutcome.Completed) outcome;
    assertThat(done.result().get("price").asText()).isEqualTo("9350.50");
    assertThat(done.confidence()).isEqualByComparingTo("0.92");
    assertThat(done.toolCalls()).isEqualTo(1);
    assertThat(priceLookUps).hasValue(1);
    final ToolExecutionResultMessage toolAnswer =
        (ToolExecutionResultMessage) model.requests().get(1).messages().getLast();
    assertThat(toolAnswer.toolName()).isEqualTo("price");
    assertThat(toolAnswer.text())
        .contains("9350.50")
        .contains("[e-mail removed]")
        .contains("[telephone removed]")
        .doesNotContain("desk@example.com");
    assertThat(model.requests().get(0).toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("price");
    assertThat(steps)
        .extracting(AgentAuditTrail.Step::kind)
        .containsExactly(
            AgentAuditTrail.Kind.PROMPT,
            AgentAuditTrail.Kind.ANSWER,
            AgentAuditTrail.Kind.TOOL_CALL,
            AgentAuditTrail.Kind.ANSWER,
            AgentAuditTrail.Kind.OUTCOME);
    assertThat(steps).extracting(AgentAuditTrail.Step::sequence).containsExactly(1, 2, 3, 4, 5);
    assertThat(steps.get(0).content().get("system").toString())
        .contains("You check prices.")
        .contains("\"price\"");
    assertThat(steps.get(2).content()).containsEntry("tool", "price");
    assertThat(steps.get(4).content()).containsEntry("outcome", "COMPLETED");
  }

  @Test
  void contactDetailsInTheInputAreRemovedBeforeTheModelSeesThem() {
    final ScriptedChatModel model = new ScriptedChatModel(answer(VALID));

    runner(model, AgentLimits.defaults())
        .run(
            spec(
                "Ask j.smith@smelter.example or +49 30 1234 5678, IBAN DE89 3704 0044 0532 0130 00"),
            TASK);

    assertThat(model.caseText())
        .doesNotContain("smelter.example")
        .doesNotContain("1234 5678")
        .doesNotContain("DE89")
        .contains("[e-mail removed]", "[telephone removed]", "[IBAN removed]");
  }

  @Test
  void noModelEscalatesWithoutCallingAnything() {
    final AgentOutcome outcome = runner(null, AgentLimits.defaults()).run(spec("x"), TASK);

    assertEscalated(outcome, EscalationCause.NO_MODEL, "no model configured");
    assertThat(((AgentOutcome.Escalated) outcome).draft()).isNull();
    assertThat(steps)
        .extracting(AgentAuditTrail.Step::kind)
        .containsExactly(AgentAuditTrail.Kind.OUTCOME);
  }

  @Test
  void anAnswerOutsideTheSchemaEscalatesWithTheDraft() {
    final ScriptedChatModel model =
        new ScriptedChatModel(
            answer(
                "{\"price\": \"about nine thousand\", \"confidence\": 0.95, \"reasons\": [\"guess\"]}"));

    final AgentOutcome outcome = runner(model, AgentLimits.defaults()).run(spec("x"), TASK);

    final AgentOutcome.Escalated escalated =
        assertEscalated(outcome, EscalationCause.VALIDATION_FAILED, "$.price");
    assertThat(escalated.draft().get("price").asText()).isEqualTo("about nine thousand");
    assertThat(escalated.reasons()).containsExactly("guess");
    assertThat(escalated.confidence()).isEqualByComparingTo("0.95");
  }

  @Test
  void anAnswerThatIsNotJsonEscalatesWithoutADraft() {
    final ScriptedChatModel model = new ScriptedChatModel(answer("The price is 9350."));

    final AgentOutcome outcome = runner(model, AgentLimits.defaults()).run(spec("x"), TASK);

    assertThat(assertEscalated(outcome, EscalationCause.VALIDATION_FAILED, "not JSON").draft())
        .isNull();
  }

  @Test
  void anAnswerInACodeFenceIsRead() {
    final ScriptedChatModel model = new ScriptedChatModel(answer("```json\n" + VALID + "\n```"));

    assertThat(runner(model, AgentLimits.defaults()).run(spec("x"), TASK))
        .isInstanceOf(AgentOutcome.Completed.class);
  }

  @Test
  void confidenceBelowTheThresholdEscalatesWithTheDraft() {
    final ScriptedChatModel model = new ScriptedChatModel(answer(VALID.replace("0.92", "0.55")));

    final AgentOutcome.Escalated escalated =
        assertEscalated(
            runner(model, AgentLimits.defaults()).run(spec("x"), TASK),
            EscalationCause.LOW_CONFIDENCE,
            "confidence 0.55 is below the threshold 0.80");
    assertThat(escalated.draft().get("price").asText()).isEqualTo("9350.50");
  }

  @Test
  void aModelErrorEscalates() {
    final ScriptedChatModel model = new ScriptedChatModel(failure("HTTP 401: invalid api key"));

    assertEscalated(
        runner(model, AgentLimits.defaults()).run(spec("x"), TASK),
        EscalationCause.MODEL_ERROR,
        "HTTP 401: invalid api key");
  }

  @Test
  void oneToolCallMoreThanTheLimitTripsTheGuardrailBeforeTheToolRuns() {
    final ScriptedChatModel model =
        new ScriptedChatModel(
            toolCall("price", "{\"metal\": \"copper\"}"),
            toolCall("price", "{\"metal\": \"zinc\"}"),
            toolCall("price", "{\"metal\": \"lead\"}"),
            answer(VALID));
    final AgentLimits twoCalls =
        new AgentLimits(2, Duration.ofSeconds(5), Duration.ofSeconds(30), new BigDecimal("0.8"));

    assertEscalated(
        runner(model, twoCalls).run(spec("x"), TASK),
        EscalationCause.GUARDRAIL,
        "tool-call limit of 2 exceeded");
    assertThat(priceLookUps).hasValue(2);
  }

  @Test
  void aSlowModelCallTripsThePerCallTimeout() {
    final ScriptedChatModel model = new ScriptedChatModel(slowAnswer(Duration.ofSeconds(5), VALID));
    final AgentLimits fast =
        new AgentLimits(8, Duration.ofMillis(300), Duration.ofSeconds(30), new BigDecimal("0.8"));

    final long started = System.nanoTime();
    assertEscalated(
        runner(model, fast).run(spec("x"), TASK),
        EscalationCause.GUARDRAIL,
        "model call time-out of PT0.3S exceeded");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRunLongerThanTheTotalTimeoutTripsTheGuardrail() {
    final ScriptedChatModel model =
        new ScriptedChatModel(
            slow(Duration.ofMillis(400), toolCall("price", "{\"metal\": \"tin\"}")),
            slow(Duration.ofMillis(400), toolCall("price", "{\"metal\": \"tin\"}")),
            slowAnswer(Duration.ofSeconds(5), VALID));
    final AgentLimits total =
        new AgentLimits(8, Duration.ofSeconds(2), Duration.ofMillis(900), new BigDecimal("0.8"));

    assertEscalated(
        runner(model, total).run(spec("x"), TASK),
        EscalationCause.GUARDRAIL,
        "total time-out of PT0.9S exceeded");
  }

  private static AgentOutcome.Escalated assertEscalated(
      final AgentOutcome outcome, final EscalationCause cause, final String reason) {
    assertThat(outcome).isInstanceOf(AgentOutcome.Escalated.class);
    final AgentOutcome.Escalated escalated = (AgentOutcome.Escalated) outcome;
    assertThat(escalated.cause()).isEqualTo(cause);
    assertThat(escalated.reason()).contains(reason);
    return escalated;
  }
}
