package org.openmineral.task;

import java.util.Map;

/**
 * Commands on Camunda user tasks, the same in both modes: against a cluster through the Camunda
 * REST API, against the embedded engine by writing the commands to its log. Each call returns once
 * the engine has applied the command, or throws why it did not.
 *
 * @see UserTaskNotFoundException
 * @see UserTaskConflictException
 */
public interface UserTaskCommands {

  /** Gives the task to {@code assignee}, replacing any current assignee. */
  void assign(long userTaskKey, String assignee);

  /** Takes the task for {@code assignee}; refused if somebody else has it. */
  void claim(long userTaskKey, String assignee);

  void unassign(long userTaskKey);

  /** Completes the task; the variables are merged into the process instance. */
  void complete(long userTaskKey, Map<String, Object> variables);
}
