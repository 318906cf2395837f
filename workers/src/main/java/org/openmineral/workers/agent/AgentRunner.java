package org.openmineral.workers.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent: sends its instructions and input to the chat model, answers the model's tool
 * calls with the read-only tools, and reads its final answer against the result schema, under the
 * guardrails of {@link AgentLimits}. Every prompt, tool call and answer, and the outcome, is
 * recorded in the {@link AgentAuditTrail} as it happens.
 *
 * <p>The run ends {@link AgentOutcome.Completed} only with an answer that validates and whose
 * confidence reaches the threshold; otherwise it ends {@link AgentOutcome.Escalated} with the
 * {@link EscalationCause}: no model, model error, validation failure, guardrail (tool-call limit,
 * per-call or total time-out) or low confidence.
 */
public final class AgentRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  public static final String NO_MODEL = "no model configured";

  private final AgentModels models;
  private final AgentAuditTrail audit;
  private final AgentLimits limits;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

  public AgentRunner(
      final AgentModels models, final AgentAuditTrail audit, final AgentLimits limits) {
    this.models = models;
    this.audit = audit;
    this.limits = limits;
  }

  public AgentLimits limits() {
    return limits;
  }

  /** Runs {@code spec} for {@code task}; never throws for a model's failure, it escalates. */
  public AgentOutcome run(final AgentSpec spec, final AgentTask task) {
    final Run run = new Run(spec, task);
    final AgentOutcome outcome = run.execute();
    run.record(AgentAuditTrail.Kind.OUTCOME, outcomeContent(outcome));
    if (outcome instanceof AgentOutcome.Escalated escalated) {
      LOG.info(
          "Agent {} escalated job {}: {} ({})",
          task.agent(),
          task.jobKey(),
          escalated.cause(),
          escalated.reason());
    }
    return outcome;
  }

  /** The instructions the model gets: the agent's own, then how to answer. */
  static String instructions(final AgentSpec spec) {
    return spec.instructions()
        + "\n\nAnswer with exactly one JSON object, and nothing else, that validates against this"
        + " JSON Schema:\n"
        + spec.schema().text()
        + "\nconfidence is your probability (0 to 1) that the answer is right; reasons lists the"
        + " facts the answer rests on, each naming the data it came from.";
  }

  private final class Run {
    private final AgentSpec spec;
    private final AgentTask task;
    private final AtomicInteger sequence = new AtomicInteger();
    private final long deadline;
    private int toolCalls;

    Run(final AgentSpec spec, final AgentTask task) {
      this.spec = spec;
      this.task = task;
      this.deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    }

    AgentOutcome execute() {
      final Optional<ChatModel> model = models.chatModel(task);
      if (model.isEmpty()) {
        return escalate(EscalationCause.NO_MODEL, NO_MODEL);
      }
      final List<ChatMessage> messages = new ArrayList<>();
      messages.add(SystemMessage.from(instructions(spec)));
      messages.add(UserMessage.from(PersonalData.redact(spec.input())));
      record(
          AgentAuditTrail.Kind.PROMPT,
          Map.of(
              "system",
              instructions(spec),
              "user",
              PersonalData.redact(spec.input()),
              "tools",
              spec.tools().stream().map(AgentTool::name).toList()));
      final Map<String, AgentTool> tools =
          spec.tools().stream().collect(Collectors.toMap(AgentTool::name, Function.identity()));
      while (true) {
        final ChatRequest request =
            ChatRequest.builder()
                .messages(List.copyOf(messages))
                .toolSpecifications(spec.tools().stream().map(AgentTool::specification).toList())
                .build();
        final AiMessage answer;
        try {
          answer = call(model.get(), request);
        } catch (final GuardrailTripped e) {
          return escalate(EscalationCause.GUARDRAIL, e.getMessage());
        } catch (final RuntimeException e) {
          LOG.warn("Agent {} model call failed for job {}", task.agent(), task.jobKey(), e);
          return escalate(EscalationCause.MODEL_ERROR, "the model failed: " + describe(e));
        }
        record(AgentAuditTrail.Kind.ANSWER, answerContent(answer));
        if (!answer.hasToolExecutionRequests()) {
          return result(answer.text());
        }
        messages.add(answer);
        for (final ToolExecutionRequest call : answer.toolExecutionRequests()) {
          toolCalls++;
          if (toolCalls > limits.maxToolCalls()) {
            return escalate(
                EscalationCause.GUARDRAIL,
                "tool-call limit of " + limits.maxToolCalls() + " exceeded");
          }
          if (System.nanoTime() - deadline > 0) {
            return escalate(EscalationCause.GUARDRAIL, totalTimeoutMessage());
          }
          final String result = PersonalData.redact(execute(tools.get(call.name()), call));
          record(
              AgentAuditTrail.Kind.TOOL_CALL,
              ordered(
                  "id",
                  call.id(),
                  "tool",
                  call.name(),
                  "arguments",
                  call.arguments(),
                  "answer",
                  result));
          messages.add(ToolExecutionResultMessage.from(call, result));
        }
      }
    }

    private AiMessage call(final ChatModel model, final ChatRequest request) {
      final long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new GuardrailTripped(totalTimeoutMessage());
      }
      final long callLimit = Math.min(limits.callTimeout().toNanos(), remaining);
      final Future<ChatResponse> response = calls.submit(() -> model.chat(request));
      try {
        final ChatResponse chat = response.get(callLimit, TimeUnit.NANOSECONDS);
        if (chat == null || chat.aiMessage() == null) {
          throw new IllegalStateException("the model gave no answer");
        }
        return chat.aiMessage();
      } catch (final TimeoutException e) {
        response.cancel(true);
        throw new GuardrailTripped(
            callLimit < limits.callTimeout().toNanos()
                ? totalTimeoutMessage()
                : "model call time-out of " + limits.callTimeout() + " exceeded");
      } catch (final ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        response.cancel(true);
        throw new IllegalStateException("interrupted while waiting for the model", e);
      }
    }

    private String totalTimeoutMessage() {
      return "total time-out of " + limits.totalTimeout() + " exceeded";
    }

    /** A tool's answer as JSON text; failures go back to the model as an error it can read. */
    private String execute(final AgentTool tool, final ToolExecutionRequest call) {
      if (tool == null) {
        return error("no tool named '" + call.name() + "'");
      }
      final JsonNode arguments;
      try {
        arguments =
            call.arguments() == null || call.arguments().isBlank()
                ? JSON.createObjectNode()
                : JSON.readTree(call.arguments());
      } catch (final JsonProcessingException e) {
        return error("arguments are not JSON: " + e.getOriginalMessage());
      }
      try {
        return JSON.writeValueAsString(tool.lookUp().apply(arguments));
      } catch (final IllegalArgumentException e) {
        return error(e.getMessage());
      } catch (final JsonProcessingException | RuntimeException e) {
        LOG.warn("Agent {} tool {} failed for job {}", task.agent(), call.name(), task.jobKey(), e);
        return error("the look-up failed: " + describe(e));
      }
    }

    private AgentOutcome result(final String text) {
      final JsonNode draft;
      try {
        draft = spec.schema().parse(text);
      } catch (final AgentResultSchema.InvalidResult e) {
        return escalate(
            EscalationCause.VALIDATION_FAILED,
            "the answer is not a valid result: " + e.getMessage(),
            null);
      }
      final List<String> violations = spec.schema().violations(draft);
      if (!violations.isEmpty()) {
        return escalate(
            EscalationCause.VALIDATION_FAILED,
            "the answer does not match the result schema: " + String.join("; ", violations),
            draft);
      }
      final List<String> problems = spec.checks().apply(draft);
      if (!problems.isEmpty()) {
        return escalate(
            EscalationCause.VALIDATION_FAILED,
            "the answer does not fit the case: " + String.join("; ", problems),
            draft);
      }
      final BigDecimal confidence = draft.get("confidence").decimalValue();
      final List<String> reasons = reasons(draft);
      if (confidence.compareTo(limits.confidenceThreshold()) < 0) {
        return new AgentOutcome.Escalated(
            EscalationCause.LOW_CONFIDENCE,
            "confidence "
                + confidence.toPlainString()
                + " is below the threshold "
                + limits.confidenceThreshold().toPlainString(),
            draft,
            reasons,
            confidence);
      }
      return new AgentOutcome.Completed(draft, confidence, reasons, toolCalls);
    }

    private AgentOutcome escalate(final EscalationCause cause, final String reason) {
      return escalate(cause, reason, null);
    }

    private AgentOutcome escalate(
        final EscalationCause cause, final String reason, final JsonNode draft) {
      final BigDecimal confidence =
          draft != null && draft.path("confidence").isNumber()
              ? draft.get("confidence").decimalValue()
              : null;
      return new AgentOutcome.Escalated(
          cause, reason, draft, draft == null ? List.of() : reasons(draft), confidence);
    }

    void record(final AgentAuditTrail.Kind kind, final Map<String, Object> content) {
      audit.record(
          task,
          new AgentAuditTrail.Step(
              task.agent(), task.jobKey(), sequence.incrementAndGet(), kind, content));
    }
  }

  static List<String> reasons(final JsonNode draft) {
    final List<String> reasons = new ArrayList<>();
    draft.path("reasons").forEach(r -> reasons.add(r.asText()));
    return reasons;
  }

  private static Map<String, Object> answerContent(final AiMessage answer) {
    final List<Map<String, Object>> calls = new ArrayList<>();
    if (answer.hasToolExecutionRequests()) {
      for (final ToolExecutionRequest call : answer.toolExecutionRequests()) {
        calls.add(ordered("id", call.id(), "tool", call.name(), "arguments", call.arguments()));
      }
    }
    return ordered("text", answer.text(), "toolCalls", calls);
  }

  private static Map<String, Object> outcomeContent(final AgentOutcome outcome) {
    return switch (outcome) {
      case AgentOutcome.Completed c ->
          ordered("outcome", "COMPLETED", "confidence", c.confidence(), "toolCalls", c.toolCalls());
      case AgentOutcome.Escalated e ->
          ordered("outcome", "ESCALATED", "cause", e.cause().name(), "reason", e.reason());
    };
  }

  private static Map<String, Object> ordered(final Object... keysAndValues) {
    final Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String error(final String message) {
    try {
      return JSON.writeValueAsString(Map.of("error", message));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(final Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A guardrail stopped the run. */
  private static final class GuardrailTripped extends RuntimeException {
    GuardrailTripped(final String message) {
      super(message);
    }
  }

  /** For logs and documentation: the limits in force. */
  @Override
  public String toString() {
    return "AgentRunner" + limits;
  }
}
