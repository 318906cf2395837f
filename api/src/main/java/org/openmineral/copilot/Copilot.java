package org.openmineral.copilot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmineral.workers.agent.AgentAuditTrail;
import org.openmineral.workers.agent.AgentLimits;
import org.openmineral.workers.agent.AgentModels;
import org.openmineral.workers.agent.AgentTask;
import org.openmineral.workers.agent.AgentTool;
import org.openmineral.workers.agent.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trading copilot: answers a user's question with the streaming chat model, calling the
 * read-only {@link CopilotTools} and citing the data each answer used, under the agents' guardrails
 * (tool-call limit, per-call and total time-outs). It may propose actions ({@link
 * CopilotProposals}), which the user confirms through the normal API. Every prompt, tool call and
 * answer goes to the agents' audit trail (table {@code agent_transcript}).
 */
@Component
class Copilot {
  static final String AGENT = "copilot";
  private static final Logger LOG = LoggerFactory.getLogger(Copilot.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  static final String INSTRUCTIONS =
      """
      You are the OpenMineral trading copilot for a physical metals and concentrates desk. Answer \
      the user's question about deals, exposure, counterparties, credit, tasks, prices, contract \
      clauses and procedures using only what your tools return; say so when they do not tell. \
      Every tool answer has a citation marker such as [1]: put the marker after each fact taken \
      from it. Your tools only read. If an action would help (e.g. reserve credit, start a \
      pre-deal analysis), propose it with propose_action: the user confirms it through the API; \
      never claim to have done it. Be brief and exact; give numbers with their units.""";

  /** What the copilot streams; the controller writes each as one server-sent event. */
  interface Events {
    void send(String event, Object data);
  }

  /** A cited piece of data. */
  record Citation(int n, String tool, String source) {}

  private final AgentModels models;
  private final AgentAuditTrail audit;
  private final AgentLimits limits;
  private final CopilotTools tools;
  private final CopilotProposals proposals;

  Copilot(
      final AgentModels models,
      final AgentAuditTrail audit,
      final AgentLimits limits,
      final CopilotTools tools,
      final CopilotProposals proposals) {
    this.models = models;
    this.audit = audit;
    this.limits = limits;
    this.tools = tools;
    this.proposals = proposals;
  }

  /** Whether a streaming model is configured for {@code task}. */
  boolean available(final AgentTask task) {
    return models.streamingChatModel(task).isPresent();
  }

  /** Answers {@code question} for {@code task}'s user, streaming to {@code events}. */
  void answer(
      final AgentTask task, final List<String> roles, final String question, final Events events) {
    final StreamingChatModel model = models.streamingChatModel(task).orElseThrow();
    final long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    final AtomicInteger sequence = new AtomicInteger();
    final List<Citation> citations = new ArrayList<>();
    final List<CopilotProposals.Proposal> proposed = new ArrayList<>();
    final List<AgentTool> available = new ArrayList<>(tools.forUser(task.actor(), roles));
    available.add(
        proposals.tool(
            p -> {
              proposed.add(p);
              events.send("proposal", p);
            }));
    final Map<String, AgentTool> byName =
        available.stream().collect(Collectors.toMap(AgentTool::name, Function.identity()));
    final List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(INSTRUCTIONS));
    messages.add(UserMessage.from(PersonalData.redact(question)));
    record(
        task,
        sequence,
        AgentAuditTrail.Kind.PROMPT,
        ordered("system", INSTRUCTIONS, "user", PersonalData.redact(question)));
    int toolCalls = 0;
    try {
      while (true) {
        final AiMessage answer =
            call(
                model,
                ChatRequest.builder()
                    .messages(List.copyOf(messages))
                    .toolSpecifications(available.stream().map(AgentTool::specification).toList())
                    .build(),
                deadline,
                events);
        record(
            task,
            sequence,
            AgentAuditTrail.Kind.ANSWER,
            ordered(
                "text",
                answer.text(),
                "toolCalls",
                answer.hasToolExecutionRequests()
                    ? answer.toolExecutionRequests().stream()
                        .map(ToolExecutionRequest::name)
                        .toList()
                    : List.of()));
        if (!answer.hasToolExecutionRequests()) {
          final Map<String, Object> done = new LinkedHashMap<>();
          done.put("conversationId", task.subject());
          done.put("answer", answer.text());
          done.put("citations", citations);
          done.put("proposals", proposed);
          events.send("done", done);
          record(
              task,
              sequence,
              AgentAuditTrail.Kind.OUTCOME,
              ordered(
                  "outcome",
                  "ANSWERED",
                  "citations",
                  citations.size(),
                  "proposals",
                  proposed.size()));
          return;
        }
        messages.add(answer);
        for (final ToolExecutionRequest call : answer.toolExecutionRequests()) {
          if (++toolCalls > limits.maxToolCalls()) {
            throw new Stopped(
                "GUARDRAIL", "tool-call limit of " + limits.maxToolCalls() + " exceeded");
          }
          final String result = execute(byName.get(call.name()), call, citations, events);
          record(
              task,
              sequence,
              AgentAuditTrail.Kind.TOOL_CALL,
              ordered("tool", call.name(), "arguments", call.arguments(), "answer", result));
          messages.add(ToolExecutionResultMessage.from(call, result));
        }
      }
    } catch (final Stopped e) {
      events.send("error", Map.of("cause", e.cause, "reason", e.getMessage()));
      record(
          task,
          sequence,
          AgentAuditTrail.Kind.OUTCOME,
          ordered("outcome", "STOPPED", "cause", e.cause, "reason", e.getMessage()));
    }
  }

  private AiMessage call(
      final StreamingChatModel model,
      final ChatRequest request,
      final long deadline,
      final Events events) {
    final long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new Stopped("GUARDRAIL", "total time-out of " + limits.totalTimeout() + " exceeded");
    }
    final long limit = Math.min(limits.callTimeout().toNanos(), remaining);
    final CompletableFuture<ChatResponse> response = new CompletableFuture<>();
    try {
      model.chat(
          request,
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(final String token) {
              if (!response.isDone()) {
                events.send("token", Map.of("text", token));
              }
            }

            @Override
            public void onCompleteResponse(final ChatResponse complete) {
              response.complete(complete);
            }

            @Override
            public void onError(final Throwable error) {
              response.completeExceptionally(error);
            }
          });
      final ChatResponse chat = response.get(limit, TimeUnit.NANOSECONDS);
      if (chat == null || chat.aiMessage() == null) {
        throw new Stopped("MODEL_ERROR", "the model gave no answer");
      }
      return chat.aiMessage();
    } catch (final TimeoutException e) {
      response.cancel(true);
      throw new Stopped(
          "GUARDRAIL",
          limit < limits.callTimeout().toNanos()
              ? "total time-out of " + limits.totalTimeout() + " exceeded"
              : "model call time-out of " + limits.callTimeout() + " exceeded");
    } catch (final ExecutionException e) {
      LOG.warn("Copilot model call failed", e.getCause());
      throw new Stopped("MODEL_ERROR", "the model failed: " + e.getCause().getMessage());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped("MODEL_ERROR", "interrupted");
    } catch (final RuntimeException e) {
      if (e instanceof Stopped stopped) {
        throw stopped;
      }
      LOG.warn("Copilot model call failed", e);
      throw new Stopped("MODEL_ERROR", "the model failed: " + e.getMessage());
    }
  }

  private static String execute(
      final AgentTool tool,
      final ToolExecutionRequest call,
      final List<Citation> citations,
      final Events events) {
    final Map<String, Object> answer = new LinkedHashMap<>();
    try {
      if (tool == null) {
        throw new IllegalArgumentException("no tool named '" + call.name() + "'");
      }
      final JsonNode arguments =
          call.arguments() == null || call.arguments().isBlank()
              ? JSON.createObjectNode()
              : JSON.readTree(call.arguments());
      final Object result = tool.lookUp().apply(arguments);
      final String source =
          result instanceof Map<?, ?> map && map.get("source") != null
              ? map.get("source").toString()
              : null;
      if (source != null) {
        final Citation citation = new Citation(citations.size() + 1, call.name(), source);
        citations.add(citation);
        events.send("tool", citation);
        answer.put("cite", "[" + citation.n() + "]");
      } else {
        events.send("tool", Map.of("tool", call.name()));
      }
      answer.put("result", result);
    } catch (final IllegalArgumentException | JsonProcessingException e) {
      answer.put("error", e.getMessage());
    } catch (final RuntimeException e) {
      LOG.warn("Copilot tool {} failed", call.name(), e);
      answer.put("error", "the look-up failed: " + e.getMessage());
    }
    try {
      return PersonalData.redact(JSON.writeValueAsString(answer));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(
      final AgentTask task,
      final AtomicInteger sequence,
      final AgentAuditTrail.Kind kind,
      final Map<String, Object> content) {
    audit.record(
        task, new AgentAuditTrail.Step(AGENT, 0, sequence.incrementAndGet(), kind, content));
  }

  private static Map<String, Object> ordered(final Object... keysAndValues) {
    final Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The copilot stopped without an answer. */
  private static final class Stopped extends RuntimeException {
    private final String cause;

    Stopped(final String cause, final String message) {
      super(message);
      this.cause = cause;
    }
  }
}
