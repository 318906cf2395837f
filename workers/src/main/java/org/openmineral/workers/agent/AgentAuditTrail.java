package org.openmineral.workers.agent;

import java.util.Map;

/**
 * Where an agent's steps are recorded: every prompt, tool call and answer, and how the run ended.
 * For a job the steps land in the process instance's audit history; see {@link
 * EngineAgentAuditTrail}.
 */
public interface AgentAuditTrail {

  /** The kinds of step. */
  enum Kind {
    PROMPT,
    ANSWER,
    TOOL_CALL,
    OUTCOME
  }

  /**
   * One step of a run.
   *
   * @param agent the agent
   * @param jobKey the job (0 outside a process)
   * @param sequence the step's number in the run, from 1
   * @param kind what the step is
   * @param content the step's content (messages, tool name, arguments and answer, outcome)
   */
  record Step(String agent, long jobKey, int sequence, Kind kind, Map<String, Object> content) {}

  /** Records one step; a failure to record fails the run, so no step goes unrecorded. */
  void record(AgentTask task, Step step);
}
