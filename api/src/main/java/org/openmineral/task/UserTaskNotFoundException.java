package org.openmineral.task;

/** No such user task: the key is unknown, or the task was completed or cancelled. */
public class UserTaskNotFoundException extends UserTaskCommandException {
  public UserTaskNotFoundException(
      final long userTaskKey, final String reason, final Throwable cause) {
    super(userTaskKey, reason, cause);
  }
}
