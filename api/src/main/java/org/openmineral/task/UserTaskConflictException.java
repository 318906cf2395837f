package org.openmineral.task;

/** The task exists but cannot take the command now, e.g. somebody else has claimed it. */
public class UserTaskConflictException extends UserTaskCommandException {
  public UserTaskConflictException(
      final long userTaskKey, final String reason, final Throwable cause) {
    super(userTaskKey, reason, cause);
  }
}
