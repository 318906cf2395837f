package org.openmineral.task;

import java.util.Map;

/**
 * A rule a capability adds to the completion of its user tasks, checked by the task API before the
 * task is claimed and completed: it may refuse the completion (by throwing) or add variables, e.g.
 * who completed it. The deal approval's four-eyes rule is one.
 */
public interface TaskCompletionGuard {

  /**
   * @param task the open task
   * @param user who completes it
   * @param variables the validated variables the user submitted
   * @return variables to add to the completion (none: an empty map)
   */
  Map<String, Object> beforeCompletion(
      UserTaskView task, String user, Map<String, Object> variables);
}
