package org.openmineral.task;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.openmineral.platform.redis.DomainEvent;

/**
 * The domain event a user-task record of the feed announces to the inbox: {@code task.created},
 * {@code task.assigned}, {@code task.updated}, {@code task.completed} or {@code task.canceled},
 * with the task's key. Announced after the inbox tables have the change, so a client that re-reads
 * on the event sees it.
 */
public final class TaskEvents {
  private TaskEvents() {}

  public static Optional<DomainEvent> of(final Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT
        || record.getValueType() != ValueType.USER_TASK
        || !(record.getIntent() instanceof UserTaskIntent intent)
        || !(record.getValue() instanceof UserTaskRecordValue task)) {
      return Optional.empty();
    }
    return switch (intent) {
      case CREATED, ASSIGNED, UPDATED, COMPLETED, CANCELED ->
          Optional.of(
              new DomainEvent(
                  "task." + intent.name().toLowerCase(Locale.ROOT),
                  Long.toString(task.getUserTaskKey()),
                  Instant.ofEpochMilli(record.getTimestamp())));
      default -> Optional.empty();
    };
  }
}
