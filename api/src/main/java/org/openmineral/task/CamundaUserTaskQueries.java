package org.openmineral.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User tasks read through the Camunda 8.8 REST search API of a cluster. The API filters by one
 * assignee, one candidate group and one process instance; the viewer's restriction (several groups,
 * or-ed with the assignee) is applied to the page the API returns, which holds up to {@link #PAGE}
 * tasks.
 */
public final class CamundaUserTaskQueries implements UserTaskQueries {
  static final int PAGE = 1000;

  private final CamundaClient client;
  private final ObjectMapper json;

  public CamundaUserTaskQueries(final CamundaClient client, final ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public List<UserTaskView> search(final UserTaskFilter filter, final int limit) {
    final List<UserTask> found =
        client
            .newUserTaskSearchRequest()
            .filter(
                f -> {
                  f.state(UserTaskState.CREATED);
                  if (filter.assignee() != null) {
                    f.assignee(filter.assignee());
                  }
                  if (filter.candidateGroup() != null) {
                    f.candidateGroup(filter.candidateGroup());
                  }
                  if (filter.processInstanceKey() != null) {
                    f.processInstanceKey(filter.processInstanceKey());
                  }
                })
            .sort(s -> s.creationDate().desc())
            .page(p -> p.limit(PAGE))
            .send()
            .join()
            .items();
    return found.stream()
        .map(CamundaUserTaskQueries::view)
        .filter(filter::matches)
        .limit(limit)
        .map(this::withVariables)
        .toList();
  }

  @Override
  public Optional<UserTaskView> find(final long userTaskKey) {
    try {
      return Optional.of(
          withVariables(view(client.newUserTaskGetRequest(userTaskKey).send().join())));
    } catch (final ClientHttpException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<TaskForm> form(final UserTaskView task) {
    if (task.formKey() == null) {
      return Optional.empty();
    }
    try {
      final Form form = client.newUserTaskGetFormRequest(task.key()).send().join();
      final Object schema = form.getSchema();
      return Optional.of(
          new TaskForm(
              form.getFormId(),
              form.getFormKey(),
              (int) form.getVersion(),
              schema instanceof String text ? text : json.writeValueAsString(schema)));
    } catch (final ClientHttpException e) {
      if (e.code() == 404 || e.code() == 204) {
        return Optional.empty();
      }
      throw e;
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<ProcessDefinitionView> processDefinitions() {
    return client
        .newProcessDefinitionSearchRequest()
        .sort(s -> s.processDefinitionId().asc().version().asc())
        .page(p -> p.limit(PAGE))
        .send()
        .join()
        .items()
        .stream()
        .map(
            d ->
                new ProcessDefinitionView(
                    d.getProcessDefinitionId(),
                    d.getName(),
                    d.getVersion(),
                    d.getProcessDefinitionKey(),
                    d.getResourceName()))
        .toList();
  }

  private UserTaskView withVariables(final UserTaskView task) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    final List<Variable> found =
        client
            .newUserTaskVariableSearchRequest(task.key())
            .withFullValues()
            .page(p -> p.limit(PAGE))
            .send()
            .join()
            .items();
    for (final Variable variable : found) {
      variables.put(variable.getName(), parse(variable.getValue()));
    }
    return task.withVariables(variables);
  }

  private Object parse(final String value) {
    try {
      return value == null ? null : json.readValue(value, Object.class);
    } catch (final JsonProcessingException e) {
      return value;
    }
  }

  private static UserTaskView view(final UserTask task) {
    return new UserTaskView(
        task.getUserTaskKey(),
        task.getState() == null ? null : task.getState().name(),
        task.getName(),
        task.getElementId(),
        orZero(task.getElementInstanceKey()),
        task.getBpmnProcessId(),
        orZero(task.getProcessDefinitionKey()),
        task.getProcessDefinitionVersion() == null ? 0 : task.getProcessDefinitionVersion(),
        orZero(task.getProcessInstanceKey()),
        task.getAssignee() == null || task.getAssignee().isBlank() ? null : task.getAssignee(),
        task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups(),
        task.getCandidateUsers() == null ? List.of() : task.getCandidateUsers(),
        null,
        task.getFormKey(),
        text(task.getDueDate()),
        text(task.getFollowUpDate()),
        task.getCreationDate() == null ? null : task.getCreationDate().toInstant(),
        task.getCompletionDate() == null ? null : task.getCompletionDate().toInstant(),
        Map.of());
  }

  private static long orZero(final Long value) {
    return value == null ? 0 : value;
  }

  private static String text(final OffsetDateTime value) {
    return value == null ? null : value.toString();
  }
}
