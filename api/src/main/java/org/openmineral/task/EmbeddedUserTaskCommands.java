package org.openmineral.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.usertask.UserTaskCommandRejected;

/** User-task commands written to the embedded engine's log. */
public final class EmbeddedUserTaskCommands implements UserTaskCommands {
  private final EmbeddedEngine engine;
  private final ObjectMapper json;

  public EmbeddedUserTaskCommands(final EmbeddedEngine engine, final ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @Override
  public void assign(final long userTaskKey, final String assignee) {
    run(userTaskKey, () -> engine.userTasks().assign(userTaskKey, assignee));
  }

  @Override
  public void claim(final long userTaskKey, final String assignee) {
    run(userTaskKey, () -> engine.userTasks().claim(userTaskKey, assignee));
  }

  @Override
  public void unassign(final long userTaskKey) {
    run(userTaskKey, () -> engine.userTasks().unassign(userTaskKey));
  }

  @Override
  public void complete(final long userTaskKey, final Map<String, Object> variables) {
    final String variablesJson;
    try {
      variablesJson =
          variables == null || variables.isEmpty() ? null : json.writeValueAsString(variables);
    } catch (final JsonProcessingException e) {
      throw new IllegalArgumentException("variables cannot be written as JSON", e);
    }
    run(userTaskKey, () -> engine.userTasks().complete(userTaskKey, variablesJson));
  }

  private static void run(final long userTaskKey, final EngineCall call) {
    try {
      call.run();
    } catch (final UserTaskCommandRejected rejected) {
      throw switch (rejected.rejectionType()) {
        case NOT_FOUND ->
            new UserTaskNotFoundException(userTaskKey, rejected.getMessage(), rejected);
        case INVALID_STATE, ALREADY_EXISTS ->
            new UserTaskConflictException(userTaskKey, rejected.getMessage(), rejected);
        default -> new UserTaskCommandException(userTaskKey, rejected.getMessage(), rejected);
      };
    } catch (final TimeoutException e) {
      throw new UserTaskCommandException(userTaskKey, e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface EngineCall {
    void run() throws TimeoutException;
  }
}
