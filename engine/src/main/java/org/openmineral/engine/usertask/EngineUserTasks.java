package org.openmineral.engine.usertask;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogRecordAwaiter;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.UnsafeBuffer;
import org.openmineral.engine.feed.LoggedRecords;

/**
 * Camunda user-task commands (assign, claim, unassign, complete) for the embedded engine, whose
 * gRPC gateway has no user-task calls: each command is appended to the log as the REST gateway of a
 * cluster would, and the caller waits for the engine's answer, read back from the log: the task's
 * ASSIGNED or COMPLETED event, or the command's rejection.
 */
public final class EngineUserTasks {
  /** The longest wait for the log without a look at it. */
  private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final LogStream logStream;
  private final LogStreamWriter writer;
  private final Duration timeout;

  public EngineUserTasks(final LogStream logStream, final Duration timeout) {
    this.logStream = logStream;
    writer = logStream.newLogStreamWriter();
    this.timeout = timeout;
  }

  public void assign(final long userTaskKey, final String assignee) throws TimeoutException {
    final UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee(assignee).setAction("assign");
    send(userTaskKey, UserTaskIntent.ASSIGN, command, UserTaskIntent.ASSIGNED);
  }

  /** Assigns the task to {@code assignee} if nobody else has it. */
  public void claim(final long userTaskKey, final String assignee) throws TimeoutException {
    final UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee(assignee).setAction("claim");
    send(userTaskKey, UserTaskIntent.CLAIM, command, UserTaskIntent.ASSIGNED);
  }

  public void unassign(final long userTaskKey) throws TimeoutException {
    final UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAssignee("").setAction("unassign");
    send(userTaskKey, UserTaskIntent.ASSIGN, command, UserTaskIntent.ASSIGNED);
  }

  /**
   * Completes the task; the variables (a JSON object, or null) are merged into the process scope.
   */
  public void complete(final long userTaskKey, final String variablesJson) throws TimeoutException {
    final UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
    if (variablesJson != null && !variablesJson.isBlank()) {
      command.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variablesJson)));
    }
    send(userTaskKey, UserTaskIntent.COMPLETE, command, UserTaskIntent.COMPLETED);
  }

  private void send(
      final long userTaskKey,
      final UserTaskIntent intent,
      final UserTaskRecord command,
      final UserTaskIntent done)
      throws TimeoutException {
    final RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    final io.camunda.zeebe.util.Either<LogStreamWriter.WriteFailure, Long> written;
    synchronized (writer) {
      written =
          writer.tryWrite(
              WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    }
    if (written.isLeft()) {
      throw new IllegalStateException(
          "the engine did not accept the command: " + written.getLeft());
    }
    final long position = written.get();
    awaitOutcome(userTaskKey, position, done);
  }

  /**
   * Reads the log after the command: its first follow-up is either a rejection or the task's
   * transition (ASSIGNING, COMPLETING); after that, the next {@code done} event of the task is this
   * command's, since the engine refuses other commands for a task in transition. Task listeners may
   * put jobs between the two.
   */
  private void awaitOutcome(
      final long userTaskKey, final long commandPosition, final UserTaskIntent done)
      throws TimeoutException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    boolean accepted = false;
    // woken by the log when records are written, rather than looking every few hundred µs
    final Semaphore written = new Semaphore(0);
    final LogRecordAwaiter awaiter = written::release;
    logStream.registerRecordAvailableListener(awaiter);
    try (LogStreamReader reader = logStream.newLogStreamReader()) {
      reader.seekToNextEvent(commandPosition);
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        if (!reader.hasNext()) {
          written.drainPermits();
          if (!reader.hasNext()) {
            // the timeout is only a safety net
            written.tryAcquire(Math.min(left, MAX_NAP_NANOS), TimeUnit.NANOSECONDS);
          }
          continue;
        }
        final LoggedEvent event = reader.next();
        if (!accepted && event.getSourceEventPosition() != commandPosition) {
          continue;
        }
        final RecordMetadata metadata = LoggedRecords.metadata(event);
        if (!accepted) {
          if (metadata.getRecordType() == RecordType.COMMAND_REJECTION) {
            throw new UserTaskCommandRejected(
                userTaskKey, metadata.getRejectionType(), metadata.getRejectionReason());
          }
          accepted = true;
        }
        if (event.getKey() == userTaskKey
            && metadata.getValueType() == ValueType.USER_TASK
            && metadata.getRecordType() == RecordType.EVENT
            && metadata.getIntent() == done) {
          return;
        }
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException(
          "interrupted while waiting for the engine's answer for task %d".formatted(userTaskKey));
    } finally {
      logStream.removeRecordAvailableListener(awaiter);
    }
    throw new TimeoutException(
        "the engine did not answer the user-task command for task %d within %s"
            .formatted(userTaskKey, timeout));
  }
}
