package org.openmineral.copilot;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.workers.agent.AgentLimits;
import org.openmineral.workers.agent.AgentTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/copilot/chat}: a question in, the answer streamed as server-sent events: {@code
 * conversation} (its id), {@code token} (parts of the answer as the model writes them), {@code
 * tool} (a tool called, with the citation number and the data it read), {@code proposal} (an action
 * for the user to confirm through the API), then {@code done} (the whole answer, its citations and
 * proposals) or {@code error} (a guardrail or the model stopped it). Without a model configured:
 * 503 problem+json saying so.
 */
@RestController
@RequestMapping("/api/copilot")
class CopilotController {
  static final int MAX_MESSAGE = 4000;
  static final URI NO_MODEL = URI.create("https://openmineral.org/problems/no-model");
  private static final Pattern CONVERSATION = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Logger LOG = LoggerFactory.getLogger(CopilotController.class);

  private final Copilot copilot;
  private final AgentLimits limits;

  CopilotController(final Copilot copilot, final AgentLimits limits) {
    this.copilot = copilot;
    this.limits = limits;
  }

  /** The question; {@code conversationId} groups questions in the transcript (new if absent). */
  record Question(String message, String conversationId) {}

  @PostMapping("/chat")
  SseEmitter chat(
      @RequestBody(required = false) final Question question, final Authentication user) {
    if (question == null || question.message() == null || question.message().isBlank()) {
      throw new InvalidRequestField("message", "the question is required");
    }
    if (question.message().length() > MAX_MESSAGE) {
      throw new InvalidRequestField("message", "at most " + MAX_MESSAGE + " characters");
    }
    final String conversation =
        question.conversationId() == null
            ? UUID.randomUUID().toString()
            : question.conversationId();
    if (!CONVERSATION.matcher(conversation).matches()) {
      throw new InvalidRequestField(
          "conversationId", "1 to 64 letters, digits or hyphens (e.g. a UUID)");
    }
    final AgentTask task = AgentTask.forUser(Copilot.AGENT, conversation, user.getName());
    if (!copilot.available(task)) {
      throw new NoModel();
    }
    final List<String> roles = CopilotTools.roles(user);
    final SseEmitter emitter =
        new SseEmitter(limits.totalTimeout().plus(Duration.ofSeconds(10)).toMillis());
    final Copilot.Events events =
        (event, data) -> {
          try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
          } catch (final IOException | IllegalStateException e) {
            throw new ClientGone(e);
          }
        };
    Thread.ofVirtual()
        .name("copilot-" + conversation)
        .start(
            () -> {
              try {
                events.send("conversation", java.util.Map.of("conversationId", conversation));
                copilot.answer(task, roles, question.message(), events);
                emitter.complete();
              } catch (final ClientGone e) {
                LOG.debug("Copilot client left conversation {}", conversation);
                emitter.completeWithError(e);
              } catch (final RuntimeException e) {
                LOG.warn("Copilot failed in conversation {}", conversation, e);
                try {
                  events.send(
                      "error", java.util.Map.of("cause", "ERROR", "reason", "the copilot failed"));
                  emitter.complete();
                } catch (final RuntimeException gone) {
                  emitter.completeWithError(e);
                }
              }
            });
    return emitter;
  }

  @ExceptionHandler(NoModel.class)
  ProblemDetail noModel(final NoModel e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "No language model is configured (openmineral.agents.provider is none or incomplete):"
                + " the copilot is unavailable.");
    problem.setType(NO_MODEL);
    problem.setTitle("No model configured");
    return problem;
  }

  static final class NoModel extends RuntimeException {
    NoModel() {
      super("no model configured", null, false, false);
    }
  }

  private static final class ClientGone extends RuntimeException {
    ClientGone(final Exception cause) {
      super(cause);
    }
  }
}
