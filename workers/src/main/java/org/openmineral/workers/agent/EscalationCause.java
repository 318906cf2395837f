package org.openmineral.workers.agent;

/** Why an agent handed its task to a person; the value of {@code agentEscalationCause}. */
public enum EscalationCause {
  /** No chat model is configured ({@code openmineral.agents.provider=none}). */
  NO_MODEL,
  /** The model failed: an error from the provider, a refused request, an unreadable answer. */
  MODEL_ERROR,
  /** The answer did not validate against the agent's result schema or its checks. */
  VALIDATION_FAILED,
  /** A guardrail tripped: tool-call limit, per-call or total time-out. */
  GUARDRAIL,
  /** The agent's confidence is below the threshold, or it found the case inconclusive. */
  LOW_CONFIDENCE
}
