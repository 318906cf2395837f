package org.openmineral.task;

/** A user-task command the engine did not apply. */
public class UserTaskCommandException extends RuntimeException {
  private final long userTaskKey;

  public UserTaskCommandException(
      final long userTaskKey, final String message, final Throwable cause) {
    super(message, cause);
    this.userTaskKey = userTaskKey;
  }

  public long userTaskKey() {
    return userTaskKey;
  }
}
