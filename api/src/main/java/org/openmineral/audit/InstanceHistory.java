package org.openmineral.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads the structured history ({@code V14__audit_history.sql}) of one process instance and the
 * instances it called, directly or through called instances: the ordered events that replay the
 * token flow, and the instances, user tasks, incidents, message correlations and decision
 * evaluations. Shared by the history endpoint and the audit report. The events come from the view
 * {@code history_event} over the audit entries and the archive ({@code V20}): each with the value
 * of the record whose bytes the chain's hash covers.
 */
public final class InstanceHistory {

  /** The instance and every instance below it in its call tree. */
  private static final String TREE =
      """
      with recursive tree(process_instance_key) as (
        select ?::bigint
        union
        select child.process_instance_key from history_process_instance child
          join tree on child.parent_process_instance_key = tree.process_instance_key)
      """;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public InstanceHistory(final JdbcTemplate jdbc, final ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The history of the instance, empty if the history does not know it. */
  public Optional<Map<String, Object>> of(final long processInstanceKey) {
    // the tree's keys once, then every part of the history by those keys: with the keys as a value
    // PostgreSQL reads the events view's audit entries by their instance index, where a join with
    // the tree left it to estimate the view's filter and scan every entry
    final Long[] tree =
        jdbc.queryForList(
                TREE + "select process_instance_key from tree", Long.class, processInstanceKey)
            .toArray(Long[]::new);
    final List<Map<String, Object>> events = events(tree);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    final List<Map<String, Object>> instances =
        list(
            """
                select p.process_instance_key, p.bpmn_process_id, p.version,
                       p.process_definition_key, p.parent_process_instance_key,
                       p.parent_element_instance_key, p.state, p.started_at, p.ended_at
                from history_process_instance p
                where p.process_instance_key = any (?::bigint[])
                order by p.started_at, p.process_instance_key
                """,
            (Object) tree);
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("processInstanceKey", processInstanceKey);
    answer.put(
        "bpmnProcessId",
        instances.stream()
            .filter(i -> i.get("processInstanceKey").equals(processInstanceKey))
            .map(i -> i.get("bpmnProcessId"))
            .findFirst()
            .orElse(events.get(0).get("bpmnProcessId")));
    answer.put("events", events);
    answer.put("instances", instances);
    answer.put(
        "userTasks",
        list(
            """
                select t.user_task_key, t.process_instance_key, t.element_instance_key,
                       t.element_id, t.candidate_groups, t.candidate_users, t.assignee, t.state,
                       t.created_at, t.assigned_at, t.completed_at, t.completed_by,
                       t.canceled_at, t.variables
                from history_user_task t
                where t.process_instance_key = any (?::bigint[])
                order by t.created_at, t.user_task_key
                """,
            (Object) tree));
    answer.put(
        "incidents",
        list(
            """
                select i.incident_key, i.process_instance_key, i.element_instance_key,
                       i.element_id, i.error_type, i.error_message, i.job_key, i.state,
                       i.created_at, i.resolved_at
                from history_incident i
                where i.process_instance_key = any (?::bigint[])
                order by i.created_at, i.incident_key
                """,
            (Object) tree));
    answer.put(
        "messages",
        list(
            """
                select m.position, m.process_instance_key, m.element_instance_key, m.element_id,
                       m.message_name, m.correlation_key, m.message_key, m.variables,
                       m.correlated_at
                from history_message_correlation m
                where m.process_instance_key = any (?::bigint[])
                order by m.partition_id, m.position
                """,
            (Object) tree));
    answer.put(
        "decisions",
        list(
            """
                select d.decision_evaluation_key, d.process_instance_key,
                       d.element_instance_key, d.element_id, d.decision_id, d.decision_name,
                       d.decision_version, d.decision_output, d.evaluated_decisions, d.failed,
                       d.failure_message, d.evaluated_at
                from history_decision_evaluation d
                where d.process_instance_key = any (?::bigint[])
                order by d.evaluated_at, d.decision_evaluation_key
                """,
            (Object) tree));
    return Optional.of(answer);
  }

  private List<Map<String, Object>> events(final Long[] tree) {
    return jdbc.query(
        """
        select e.position, e.event_time, e.value_type, e.intent, e.record_key, e.element_id,
               e.element_type, e.bpmn_process_id, e.actor, e.value, e.partition_id,
               e.process_instance_key, e.element_instance_key
        from history_event e
        where e.process_instance_key = any (?::bigint[])
        order by e.partition_id, e.position
        """,
        (rs, i) -> {
          final Map<String, Object> event = new LinkedHashMap<>();
          event.put("position", rs.getLong(1));
          event.put("timestamp", rs.getTimestamp(2).toInstant());
          event.put("valueType", rs.getString(3));
          event.put("intent", rs.getString(4));
          event.put("key", rs.getLong(5));
          event.put("elementId", rs.getString(6));
          event.put("elementType", rs.getString(7));
          event.put("bpmnProcessId", rs.getString(8));
          event.put("actor", rs.getString(9));
          event.put("value", json(rs.getString(10)));
          event.put("partition", rs.getInt(11));
          event.put("processInstanceKey", rs.getLong(12));
          final long elementInstance = rs.getLong(13);
          event.put("elementInstanceKey", rs.wasNull() ? null : elementInstance);
          return event;
        },
        (Object) tree);
  }

  private List<Map<String, Object>> list(final String sql, final Object... args) {
    return jdbc.query(sql, camelCase(), args);
  }

  /** Columns as camelCase fields; timestamps as instants, jsonb as JSON. */
  private RowMapper<Map<String, Object>> camelCase() {
    return (rs, i) -> {
      final ResultSetMetaData meta = rs.getMetaData();
      final Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        row.put(field(meta.getColumnLabel(c)), value(rs, c));
      }
      return row;
    };
  }

  private Object value(final ResultSet rs, final int column) throws SQLException {
    final Object value = rs.getObject(column);
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof PGobject object && object.getType().startsWith("json")) {
      return json(object.getValue());
    }
    return value;
  }

  private JsonNode json(final String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("a history row holds invalid JSON", e);
    }
  }

  private static String field(final String column) {
    final StringBuilder field = new StringBuilder(column.length());
    boolean upper = false;
    for (final char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        field.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return field.toString();
  }
}
