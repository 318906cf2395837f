package org.openmineral.task;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.FinalCommandStep;
import java.util.Map;

/** User-task commands through the Camunda 8 REST API of a cluster. */
public final class CamundaUserTaskCommands implements UserTaskCommands {
  private final CamundaClient client;

  public CamundaUserTaskCommands(final CamundaClient client) {
    this.client = client;
  }

  @Override
  public void assign(final long userTaskKey, final String assignee) {
    send(
        userTaskKey,
        client.newAssignUserTaskCommand(userTaskKey).assignee(assignee).allowOverride(true));
  }

  @Override
  public void claim(final long userTaskKey, final String assignee) {
    send(
        userTaskKey,
        client
            .newAssignUserTaskCommand(userTaskKey)
            .assignee(assignee)
            .allowOverride(false)
            .action("claim"));
  }

  @Override
  public void unassign(final long userTaskKey) {
    send(userTaskKey, client.newUnassignUserTaskCommand(userTaskKey));
  }

  @Override
  public void complete(final long userTaskKey, final Map<String, Object> variables) {
    send(
        userTaskKey,
        client
            .newCompleteUserTaskCommand(userTaskKey)
            .variables(variables == null ? Map.of() : variables));
  }

  private static void send(final long userTaskKey, final FinalCommandStep<?> command) {
    try {
      command.send().join();
    } catch (final ClientHttpException e) {
      throw switch (e.code()) {
        case 404 -> new UserTaskNotFoundException(userTaskKey, e.getMessage(), e);
        case 409 -> new UserTaskConflictException(userTaskKey, e.getMessage(), e);
        default -> new UserTaskCommandException(userTaskKey, e.getMessage(), e);
      };
    }
  }
}
