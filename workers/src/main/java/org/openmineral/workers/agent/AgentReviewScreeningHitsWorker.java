package org.openmineral.workers.agent;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code agent.review-screening-hits}: the place of a planned LLM agent that pre-reviews
 * sanctions screening hits. No model is configured, so it always escalates to a person: it throws
 * the BPMN error {@code ESCALATE} with {@code screeningEscalationReason = "no model configured"},
 * which the model catches on the task's boundary and routes to the user task "Review screening
 * hits". Throwing the same error again for a redelivered job has no other effect.
 */
@Component
public class AgentReviewScreeningHitsWorker {
  public static final String TYPE = "agent.review-screening-hits";
  public static final String ESCALATE = "ESCALATE";
  static final String NO_MODEL = "no model configured";

  @JobWorker(
      type = TYPE,
      fetchVariables = {"screeningMatches"})
  public void review() {
    throw CamundaError.bpmnError(ESCALATE, NO_MODEL, Map.of("screeningEscalationReason", NO_MODEL));
  }
}
