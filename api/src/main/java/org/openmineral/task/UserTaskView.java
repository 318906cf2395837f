package org.openmineral.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task as the inbox shows it, the same in both engine modes.
 *
 * @param state {@code CREATED} (open), {@code COMPLETED} or {@code CANCELED}
 * @param dueDate ISO 8601 date-time as the engine holds it, or null
 * @param variables the variables visible to the task: the process instance's, overlaid by the task
 *     element's own (local) ones, by name; values as JSON (strings, numbers, lists, objects)
 */
public record UserTaskView(
    long key,
    String state,
    String name,
    String elementId,
    long elementInstanceKey,
    String processDefinitionId,
    long processDefinitionKey,
    int processDefinitionVersion,
    long processInstanceKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String formId,
    Long formKey,
    String dueDate,
    String followUpDate,
    Instant creationTime,
    Instant completionTime,
    Map<String, Object> variables) {

  public static final String OPEN = "CREATED";

  public boolean open() {
    return OPEN.equals(state);
  }

  public UserTaskView withVariables(final Map<String, Object> newVariables) {
    return new UserTaskView(
        key,
        state,
        name,
        elementId,
        elementInstanceKey,
        processDefinitionId,
        processDefinitionKey,
        processDefinitionVersion,
        processInstanceKey,
        assignee,
        candidateGroups,
        candidateUsers,
        formId,
        formKey,
        dueDate,
        followUpDate,
        creationTime,
        completionTime,
        newVariables);
  }
}
