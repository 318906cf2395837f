package org.openmineral.task;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads user tasks, their forms and the deployed process definitions, the same in both modes: in
 * embedded mode from PostgreSQL tables the record feed fills ({@link UserTaskProjection}), against
 * a cluster through the Camunda 8 REST search API. Both lag the engine slightly: a task appears, or
 * shows a new assignee, shortly after the engine wrote it.
 */
public interface UserTaskQueries {

  /** Open tasks matching the filter, newest first, with their variables; at most {@code limit}. */
  List<UserTaskView> search(UserTaskFilter filter, int limit);

  /** The task, open or not, with its variables; empty if unknown. */
  Optional<UserTaskView> find(long userTaskKey);

  /** The form linked to the task; empty if it has none or the form is unknown. */
  Optional<TaskForm> form(UserTaskView task);

  /** Every deployed version of every process definition, by id and version. */
  List<ProcessDefinitionView> processDefinitions();

  /**
   * Waits, at most {@code timeout}, until the reads show everything the engine had written when
   * this was called.
   *
   * @return true once they do; false if that cannot be known (the cluster's search API does not say
   *     how far it has read) or did not happen in time
   */
  default boolean catchUp(final Duration timeout) {
    return false;
  }
}
