package org.openmineral.workers.agent;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code agent.draft-contract}: the place of an agent that drafts the deal's contract from
 * its terms (writing {@code contractReference} and {@code contractSummary}). No model is
 * configured, so it always escalates: it throws the BPMN error {@code ESCALATE} with {@code
 * contractEscalationReason = "no model configured"}, which the trade lifecycle catches on the
 * task's boundary and routes to legal's user task "Draft contract". Throwing the same error again
 * for a redelivered job has no other effect.
 */
@Component
public class AgentDraftContractWorker {
  public static final String TYPE = "agent.draft-contract";
  public static final String ESCALATE = "ESCALATE";
  static final String NO_MODEL = "no model configured";

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId", "terms", "pricing", "commodity", "counterpartyName"})
  public void draft() {
    throw CamundaError.bpmnError(ESCALATE, NO_MODEL, Map.of("contractEscalationReason", NO_MODEL));
  }
}
