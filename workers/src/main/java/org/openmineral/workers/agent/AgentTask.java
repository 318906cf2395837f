package org.openmineral.workers.agent;

import io.camunda.client.api.response.ActivatedJob;

/**
 * One piece of work given to an agent: which agent, and the job and process instance it works for,
 * which its audit steps are linked to. Keys are 0 when the agent runs outside a process (the
 * copilot).
 *
 * @param agent the agent's name, its job type (e.g. {@code agent.review-screening-hits})
 * @param jobKey the job the agent works on, 0 outside a process
 * @param processInstanceKey the process instance of the job, 0 outside a process
 * @param elementInstanceKey the service task instance of the job: the scope of its audit steps
 * @param subject what the work is about (a job: e.g. the counterparty's name; the copilot: the
 *     conversation id); never sent to the model by the framework
 * @param actor the user the agent works for (the copilot), null for a job
 */
public record AgentTask(
    String agent,
    long jobKey,
    long processInstanceKey,
    long elementInstanceKey,
    String subject,
    String actor) {

  /** The task of an agent working on {@code job}. */
  public static AgentTask forJob(final String agent, final ActivatedJob job, final String subject) {
    return new AgentTask(
        agent,
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getElementInstanceKey(),
        subject,
        null);
  }

  /** The task of an agent working for a user outside any process (the copilot). */
  public static AgentTask forUser(
      final String agent, final String conversation, final String user) {
    return new AgentTask(agent, 0, 0, 0, conversation, user);
  }

  /** True when the task belongs to a process instance (a job), false for the copilot. */
  public boolean inProcess() {
    return elementInstanceKey > 0;
  }
}
