package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** How an agent run ended: a validated result, or an escalation to a person. */
public sealed interface AgentOutcome {

  /**
   * A result that validated against the schema, with confidence at or above the threshold.
   *
   * @param result the answer as JSON, valid against the agent's schema
   * @param confidence the agent's confidence, 0..1
   * @param reasons the agent's reasons
   * @param toolCalls how many tools it called
   */
  record Completed(JsonNode result, BigDecimal confidence, List<String> reasons, int toolCalls)
      implements AgentOutcome {}

  /**
   * The agent handed over to a person.
   *
   * @param cause the kind of escalation
   * @param reason what happened, for the person (e.g. "no model configured")
   * @param draft the agent's answer, if it gave one (possibly invalid), else null
   * @param reasons the agent's reasons if it gave any, else empty
   * @param confidence the agent's confidence if it gave one, else null
   */
  record Escalated(
      EscalationCause cause,
      String reason,
      JsonNode draft,
      List<String> reasons,
      BigDecimal confidence)
      implements AgentOutcome {}
}
