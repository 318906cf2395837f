package org.openmineral.audit;

import static org.openmineral.audit.AuditProjection.blankToNull;
import static org.openmineral.audit.AuditProjection.text;
import static org.openmineral.audit.AuditProjection.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * The structured history of {@code V14__audit_history.sql}, projected from the engine's events:
 * process instances and their call tree, element instances, user tasks, incidents, message
 * correlations and decision evaluations. Called by {@link AuditProjection} in the transaction of
 * the record's audit entry, once per record. The append-only rows (message correlations, decision
 * evaluations) are deferred to the end of the batch ({@link Statements}); the rows later records
 * update are written at once. The ordered events that replay an instance's token flow and every
 * value a variable took are not copied: {@code history_event} and {@code history_variable} are
 * views over the audit entries ({@code V20}).
 */
final class ProcessHistory {

  /**
   * Projects the record; {@code value} is its value's JSON, null for a process-instance record read
   * through its getters (see {@link AuditProjection}).
   */
  void project(
      final Statements statements,
      final Record<?> record,
      final JsonNode value,
      final AuditEntry entry)
      throws SQLException {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    final String intent = record.getIntent().name();
    switch (record.getValueType()) {
      case PROCESS_INSTANCE -> {
        if (ELEMENT_INTENTS.contains(intent)) {
          element(statements, record, elementFields(record, value), intent);
        }
      }
      case USER_TASK -> userTask(statements, record, value, intent, entry.actor());
      case INCIDENT -> incident(statements, record, value, intent);
      case PROCESS_MESSAGE_SUBSCRIPTION, MESSAGE_START_EVENT_SUBSCRIPTION ->
          message(statements, record, value, intent);
      case DECISION_EVALUATION -> decision(statements, record, value);
      default -> {}
    }
  }

  /** The process-instance intents {@link #element} writes rows for. */
  private static final Set<String> ELEMENT_INTENTS =
      Set.of("ELEMENT_ACTIVATED", "ELEMENT_COMPLETED", "ELEMENT_TERMINATED");

  /**
   * The fields of a process-instance record that {@link #element} writes, from its getters or, when
   * the record was read as JSON, from that.
   */
  private record ElementFields(
      String bpmnElementType,
      Long parentProcessInstanceKey,
      String bpmnProcessId,
      long processDefinitionKey,
      int version,
      Long parentElementInstanceKey,
      long processInstanceKey,
      Long flowScopeKey,
      String elementId) {}

  private static ElementFields elementFields(final Record<?> record, final JsonNode value) {
    if (value == null) {
      final ProcessInstanceRecordValue typed = (ProcessInstanceRecordValue) record.getValue();
      final BpmnElementType type = typed.getBpmnElementType();
      return new ElementFields(
          type == null ? null : type.name(),
          positive(typed.getParentProcessInstanceKey()),
          blankToNull(typed.getBpmnProcessId()),
          typed.getProcessDefinitionKey(),
          typed.getVersion(),
          positive(typed.getParentElementInstanceKey()),
          typed.getProcessInstanceKey(),
          positive(typed.getFlowScopeKey()),
          blankToNull(typed.getElementId()));
    }
    return new ElementFields(
        text(value, "bpmnElementType"),
        key(value, "parentProcessInstanceKey"),
        text(value, "bpmnProcessId"),
        value.path("processDefinitionKey").asLong(),
        value.path("version").asInt(),
        key(value, "parentElementInstanceKey"),
        value.path("processInstanceKey").asLong(),
        key(value, "flowScopeKey"),
        text(value, "elementId"));
  }

  private static void element(
      final Statements statements,
      final Record<?> record,
      final ElementFields value,
      final String intent)
      throws SQLException {
    final boolean process = "PROCESS".equals(value.bpmnElementType());
    switch (intent) {
      case "ELEMENT_ACTIVATED" -> {
        if (process) {
          final Long parent = value.parentProcessInstanceKey();
          statements.run(
              """
              insert into history_process_instance
                (process_instance_key, partition_id, bpmn_process_id, process_definition_key,
                 version, parent_process_instance_key, parent_element_instance_key,
                 root_process_instance_key, state, started_at)
              values (?, ?, ?, ?, ?, ?, ?, coalesce(
                  (select root_process_instance_key from history_process_instance
                   where process_instance_key = ?), ?, ?), 'ACTIVE', ?)
              on conflict do nothing
              """,
              record.getKey(),
              record.getPartitionId(),
              value.bpmnProcessId(),
              value.processDefinitionKey(),
              value.version(),
              parent,
              value.parentElementInstanceKey(),
              parent,
              parent,
              record.getKey(),
              time(record.getTimestamp()));
        }
        statements.run(
            """
            insert into history_element_instance
              (element_instance_key, process_instance_key, flow_scope_key, element_id,
               element_type, state, activated_at)
            values (?, ?, ?, ?, ?, 'ACTIVE', ?)
            on conflict do nothing
            """,
            record.getKey(),
            value.processInstanceKey(),
            value.flowScopeKey(),
            value.elementId(),
            value.bpmnElementType(),
            time(record.getTimestamp()));
      }
      case "ELEMENT_COMPLETED", "ELEMENT_TERMINATED" -> {
        final boolean completed = intent.equals("ELEMENT_COMPLETED");
        final String state = completed ? "COMPLETED" : "TERMINATED";
        if (process) {
          statements.run(
              "update history_process_instance set state = ?, ended_at = ?"
                  + " where process_instance_key = ?",
              state,
              time(record.getTimestamp()),
              record.getKey());
        }
        statements.run(
            "update history_element_instance set state = ?, "
                + (completed ? "completed_at" : "terminated_at")
                + " = ? where element_instance_key = ?",
            state,
            time(record.getTimestamp()),
            record.getKey());
      }
      default -> {}
    }
  }

  private static void userTask(
      final Statements statements,
      final Record<?> record,
      final JsonNode value,
      final String intent,
      final String actor)
      throws SQLException {
    final long userTaskKey = value.path("userTaskKey").asLong(record.getKey());
    switch (intent) {
      case "CREATED" ->
          statements.run(
              """
              insert into history_user_task
                (user_task_key, process_instance_key, element_instance_key, element_id,
                 bpmn_process_id, candidate_groups, candidate_users, assignee, state, created_at)
              values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, 'CREATED', ?)
              on conflict do nothing
              """,
              userTaskKey,
              value.path("processInstanceKey").asLong(),
              value.path("elementInstanceKey").asLong(),
              text(value, "elementId"),
              text(value, "bpmnProcessId"),
              jsonOrNull(value.get("candidateGroupsList")),
              jsonOrNull(value.get("candidateUsersList")),
              text(value, "assignee"),
              time(record.getTimestamp()));
      case "ASSIGNED" ->
          statements.run(
              "update history_user_task set assignee = ?, assigned_at = ? where user_task_key = ?",
              text(value, "assignee"),
              time(record.getTimestamp()),
              userTaskKey);
      case "COMPLETED" ->
          statements.run(
              """
              update history_user_task set state = 'COMPLETED', completed_at = ?,
                completed_by = ?, variables = ?::jsonb where user_task_key = ?
              """,
              time(record.getTimestamp()),
              actor,
              jsonOrNull(value.get("variables")),
              userTaskKey);
      case "CANCELED" ->
          statements.run(
              "update history_user_task set state = 'CANCELED', canceled_at = ?"
                  + " where user_task_key = ?",
              time(record.getTimestamp()),
              userTaskKey);
      default -> {}
    }
    if (TASK_EVENT_INTENTS.contains(intent)) {
      notifyTaskEvent(statements.connection(), intent, userTaskKey, record.getTimestamp());
    }
  }

  /** The user-task intents announced on {@link AuditProjection#TASK_EVENTS_CHANNEL}. */
  static final Set<String> TASK_EVENT_INTENTS =
      Set.of("CREATED", "ASSIGNED", "UPDATED", "COMPLETED", "CANCELED");

  /**
   * Announces the task's change on {@link AuditProjection#TASK_EVENTS_CHANNEL}: PostgreSQL delivers
   * a notification when the transaction commits, so a listener re-reading on it finds the history
   * rows written; a rolled-back projection announces nothing.
   */
  private static void notifyTaskEvent(
      final Connection connection, final String intent, final long userTaskKey, final long at)
      throws SQLException {
    final String payload =
        "{\"type\":\"task."
            + intent.toLowerCase(java.util.Locale.ROOT)
            + "\",\"id\":\""
            + userTaskKey
            + "\",\"at\":\""
            + java.time.Instant.ofEpochMilli(at)
            + "\"}";
    try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
      notify.setString(1, AuditProjection.TASK_EVENTS_CHANNEL);
      notify.setString(2, payload);
      notify.execute();
    }
  }

  private static void incident(
      final Statements statements,
      final Record<?> record,
      final JsonNode value,
      final String intent)
      throws SQLException {
    switch (intent) {
      case "CREATED" ->
          statements.run(
              """
              insert into history_incident
                (incident_key, process_instance_key, element_instance_key, element_id, error_type,
                 error_message, job_key, state, created_at)
              values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
              on conflict do nothing
              """,
              record.getKey(),
              value.path("processInstanceKey").asLong(),
              key(value, "elementInstanceKey"),
              text(value, "elementId"),
              text(value, "errorType"),
              text(value, "errorMessage"),
              key(value, "jobKey"),
              time(record.getTimestamp()));
      case "RESOLVED" ->
          statements.run(
              "update history_incident set state = 'RESOLVED', resolved_at = ?"
                  + " where incident_key = ?",
              time(record.getTimestamp()),
              record.getKey());
      default -> {}
    }
  }

  private static void message(
      final Statements statements,
      final Record<?> record,
      final JsonNode value,
      final String intent)
      throws SQLException {
    final Long instance = key(value, "processInstanceKey");
    if (!intent.equals("CORRELATED") || instance == null) {
      return;
    }
    final boolean startEvent = record.getValueType() == ValueType.MESSAGE_START_EVENT_SUBSCRIPTION;
    statements.defer(
        """
        insert into history_message_correlation
          (partition_id, position, process_instance_key, element_instance_key, element_id,
           message_name, correlation_key, message_key, variables, correlated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        """,
        record.getPartitionId(),
        record.getPosition(),
        instance,
        startEvent ? null : key(value, "elementInstanceKey"),
        text(value, startEvent ? "startEventId" : "elementId"),
        value.path("messageName").asText(),
        text(value, "correlationKey"),
        key(value, "messageKey"),
        jsonOrNull(value.get("variables")),
        time(record.getTimestamp()));
  }

  private static void decision(
      final Statements statements, final Record<?> record, final JsonNode value)
      throws SQLException {
    statements.defer(
        """
        insert into history_decision_evaluation
          (decision_evaluation_key, process_instance_key, element_instance_key, element_id,
           bpmn_process_id, decision_id, decision_name, decision_version,
           decision_requirements_id, decision_output, evaluated_decisions, failed,
           failure_message, evaluated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
        on conflict do nothing
        """,
        record.getKey(),
        key(value, "processInstanceKey"),
        key(value, "elementInstanceKey"),
        text(value, "elementId"),
        text(value, "bpmnProcessId"),
        value.path("decisionId").asText(),
        text(value, "decisionName"),
        value.has("decisionVersion") ? value.get("decisionVersion").asInt() : null,
        text(value, "decisionRequirementsId"),
        text(value, "decisionOutput"),
        value.path("evaluatedDecisions").isMissingNode()
            ? "[]"
            : value.get("evaluatedDecisions").toString(),
        record.getIntent().name().equals("FAILED"),
        text(value, "evaluationFailureMessage"),
        time(record.getTimestamp()));
  }

  /** A key field, null when absent or not positive (the engine writes -1 for "none"). */
  private static Long key(final JsonNode value, final String field) {
    return positive(value.path(field).asLong(-1));
  }

  /** A key, null when not positive (the engine writes -1 for "none"). */
  private static Long positive(final long key) {
    return key > 0 ? key : null;
  }

  private static String jsonOrNull(final JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
  }
}
