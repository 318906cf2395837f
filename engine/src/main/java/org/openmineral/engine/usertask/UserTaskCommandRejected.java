package org.openmineral.engine.usertask;

import io.camunda.zeebe.protocol.record.RejectionType;

/** The engine refused a user-task command, e.g. the task does not exist or is already done. */
public final class UserTaskCommandRejected extends RuntimeException {
  private final long userTaskKey;
  private final RejectionType rejectionType;

  public UserTaskCommandRejected(
      final long userTaskKey, final RejectionType rejectionType, final String reason) {
    super(reason);
    this.userTaskKey = userTaskKey;
    this.rejectionType = rejectionType;
  }

  public long userTaskKey() {
    return userTaskKey;
  }

  /** NOT_FOUND for an unknown or finished task, INVALID_STATE for one in the wrong state, etc. */
  public RejectionType rejectionType() {
    return rejectionType;
  }
}
