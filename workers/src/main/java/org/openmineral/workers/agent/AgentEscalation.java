package org.openmineral.workers.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camunda.client.exception.CamundaError;
import java.util.HashMap;
import java.util.Map;

/**
 * An escalation as the process sees it: the BPMN error {@value #ERROR_CODE}, which the model
 * catches on the agent's task boundary and routes to a person's user task, with the variables that
 * task's form shows:
 *
 * <ul>
 *   <li>{@code agentEscalationCause}: an {@link EscalationCause} name
 *   <li>{@code agentEscalationReason}: what happened, in words
 *   <li>{@code agentDraft}: the agent's answer as JSON, or null
 *   <li>{@code agentDraftText}: the same answer as indented text for the form, or "" when none
 *   <li>{@code agentReasons}: the agent's reasons (possibly empty)
 *   <li>{@code agentReasonsText}: the same, one per line, for the form ("" when none)
 *   <li>{@code agentConfidence}: its confidence, or null
 * </ul>
 */
public final class AgentEscalation {
  public static final String ERROR_CODE = "ESCALATE";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AgentEscalation() {}

  /** The escalation's variables, every one present (null when unknown). */
  public static Map<String, Object> variables(final AgentOutcome.Escalated escalated) {
    final Map<String, Object> variables = new HashMap<>();
    variables.put("agentEscalationCause", escalated.cause().name());
    variables.put("agentEscalationReason", escalated.reason());
    variables.put(
        "agentDraft",
        escalated.draft() == null ? null : JSON.convertValue(escalated.draft(), Object.class));
    variables.put("agentDraftText", draftText(escalated));
    variables.put("agentReasons", escalated.reasons());
    variables.put("agentReasonsText", String.join("\n", escalated.reasons()));
    variables.put("agentConfidence", escalated.confidence());
    return variables;
  }

  /** The BPMN error to throw, with {@link #variables} and {@code extra}. */
  public static RuntimeException bpmnError(
      final AgentOutcome.Escalated escalated, final Map<String, Object> extra) {
    final Map<String, Object> variables = variables(escalated);
    variables.putAll(extra);
    return CamundaError.bpmnError(
        ERROR_CODE, escalated.cause() + ": " + escalated.reason(), variables);
  }

  /**
   * Why a person has the task, in one line for a form: {@code no model configured}, or {@code agent
   * escalated (<cause>): <reason>}.
   */
  public static String summary(final AgentOutcome.Escalated escalated) {
    return escalated.cause() == EscalationCause.NO_MODEL
        ? AgentRunner.NO_MODEL
        : "agent escalated (" + escalated.cause() + "): " + escalated.reason();
  }

  private static String draftText(final AgentOutcome.Escalated escalated) {
    if (escalated.draft() == null) {
      return "";
    }
    try {
      return JSON.writeValueAsString(escalated.draft());
    } catch (final JsonProcessingException e) {
      return escalated.draft().toString();
    }
  }
}
