package org.openmineral.workers.agent;

import io.camunda.client.CamundaClient;
import java.util.Map;

/**
 * Records each step of an agent working on a job as the local variable {@value #VARIABLE} of the
 * job's service task. The engine writes a variable event per step, which the audit log projects
 * into its hash chain like every other record of the instance, so {@code GET
 * /api/audit/instances/{key}} shows the prompts, tool calls and answers beside the process's own
 * events. Being local to the task, the steps do not spread into the process's variables.
 */
public final class EngineAgentAuditTrail implements AgentAuditTrail {
  public static final String VARIABLE = "agentStep";

  private final CamundaClient client;
  private final AgentAuditTrail outsideProcesses;

  /**
   * @param client the engine's client
   * @param outsideProcesses where steps of runs without a job go (the copilot)
   */
  public EngineAgentAuditTrail(final CamundaClient client, final AgentAuditTrail outsideProcesses) {
    this.client = client;
    this.outsideProcesses = outsideProcesses;
  }

  @Override
  public void record(final AgentTask task, final Step step) {
    if (!task.inProcess()) {
      outsideProcesses.record(task, step);
      return;
    }
    client
        .newSetVariablesCommand(task.elementInstanceKey())
        .variables(Map.of(VARIABLE, step))
        .local(true)
        .send()
        .join();
  }
}
