package org.openmineral.task;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.FormIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Projects the embedded engine's record feed into the inbox tables of {@code V2__user_tasks.sql}:
 * user tasks ({@code USER_TASK} events), variables ({@code VARIABLE} events), process definitions
 * and forms. The records of a feed batch are applied in one transaction, which moves {@code
 * projection_position} forward with their rows; a record at or below the stored position is
 * skipped, so a record delivered again (after a restart, or a retry after a failure) is never
 * written twice. Records the projection does not use are skipped without a write; after a restart
 * they are read again and skipped again.
 */
public final class UserTaskProjection {
  public static final String NAME = "user-tasks";
  private static final Logger LOG = LoggerFactory.getLogger(UserTaskProjection.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final String name;

  public UserTaskProjection(
      final JdbcTemplate jdbc, final TransactionTemplate transactions, final String name) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.name = name;
    jdbc.update(
        "insert into projection_position (name, position) values (?, -1) on conflict do nothing",
        name);
  }

  /** The position of the last record applied, -1 if none: where the feed resumes. */
  public long position() {
    return jdbc.queryForObject(
        "select position from projection_position where name = ?", Long.class, name);
  }

  /** Applies one record of the feed, at most once. */
  public void apply(final Record<?> record) {
    applyAll(List.of(record));
  }

  /**
   * Applies records of the feed in log order, each at most once, in one transaction: a burst of
   * records costs one commit rather than one per record.
   */
  public void applyAll(final List<? extends Record<?>> records) {
    final List<? extends Record<?>> relevant =
        records.stream()
            .filter(r -> uses(r.getRecordType(), r.getValueType(), r.getIntent()))
            .toList();
    if (relevant.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          final long stored =
              jdbc.queryForObject(
                  "select position from projection_position where name = ? for update",
                  Long.class,
                  name);
          long last = stored;
          // the variables' values as they are after the batch, written in one JDBC batch at its
          // end: nothing else the projection writes reads them
          final Map<VariableId, Object[]> variables = new LinkedHashMap<>();
          for (final Record<?> record : relevant) {
            if (record.getPosition() > last) { // else applied before
              write(record, variables);
              last = record.getPosition();
            }
          }
          if (!variables.isEmpty()) {
            jdbc.batchUpdate(
                """
                insert into process_variable (scope_key, name, process_instance_key, value)
                values (?, ?, ?, ?::jsonb)
                on conflict (scope_key, name) do update set value = excluded.value
                """,
                List.copyOf(variables.values()));
          }
          if (last > stored) {
            jdbc.update("update projection_position set position = ? where name = ?", last, name);
          }
        });
  }

  /** Whether the projection uses records of this kind (the feed reads no others for it). */
  public static boolean uses(
      final RecordType recordType, final ValueType valueType, final Intent intent) {
    if (recordType != RecordType.EVENT) {
      return false;
    }
    return switch (valueType) {
      case USER_TASK, VARIABLE -> true;
      case PROCESS -> intent == ProcessIntent.CREATED;
      case FORM -> intent == FormIntent.CREATED;
      default -> false;
    };
  }

  /** A variable: its scope and name. */
  private record VariableId(long scopeKey, String name) {}

  private void write(final Record<?> record, final Map<VariableId, Object[]> variables) {
    switch (record.getValue()) {
      case UserTaskRecordValue task -> userTask(record, task);
      case VariableRecordValue variable -> {
        if (record.getIntent() == VariableIntent.CREATED
            || record.getIntent() == VariableIntent.UPDATED
            || record.getIntent() == VariableIntent.MIGRATED) {
          // a later value of the same variable in the batch replaces the earlier one
          variables.put(
              new VariableId(variable.getScopeKey(), variable.getName()),
              new Object[] {
                variable.getScopeKey(),
                variable.getName(),
                variable.getProcessInstanceKey(),
                variable.getValue()
              });
        }
      }
      case Process process ->
          jdbc.update(
              """
              insert into process_definition
                (process_definition_key, bpmn_process_id, name, version, resource_name, element_names)
              values (?, ?, ?, ?, ?, ?::jsonb)
              on conflict do nothing
              """,
              process.getProcessDefinitionKey(),
              process.getBpmnProcessId(),
              elementNames(process).get(process.getBpmnProcessId()),
              process.getVersion(),
              process.getResourceName(),
              toJson(elementNames(process)));
      case Form form ->
          jdbc.update(
              """
              insert into task_form (form_key, form_id, version, schema) values (?, ?, ?, ?)
              on conflict do nothing
              """,
              form.getFormKey(),
              form.getFormId(),
              form.getVersion(),
              new String(form.getResource(), StandardCharsets.UTF_8));
      default -> {}
    }
  }

  private void userTask(final Record<?> record, final UserTaskRecordValue task) {
    if (!(record.getIntent() instanceof UserTaskIntent intent)) {
      return;
    }
    switch (intent) {
      case CREATED, ASSIGNED, UPDATED, MIGRATED, CORRECTED -> upsert(record, task, "CREATED");
      case COMPLETED -> upsert(record, task, "COMPLETED");
      case CANCELED -> upsert(record, task, "CANCELED");
      default -> {}
    }
  }

  private void upsert(final Record<?> record, final UserTaskRecordValue task, final String state) {
    final Instant created =
        Instant.ofEpochMilli(
            task.getCreationTimestamp() > 0 ? task.getCreationTimestamp() : record.getTimestamp());
    final Timestamp completed =
        "CREATED".equals(state)
            ? null
            : Timestamp.from(Instant.ofEpochMilli(record.getTimestamp()));
    jdbc.update(
        """
        insert into user_task
          (user_task_key, state, element_id, element_instance_key, bpmn_process_id,
           process_definition_key, process_definition_version, process_instance_key, assignee,
           candidate_groups, candidate_users, form_key, due_date, follow_up_date, priority,
           creation_time, completion_time)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (user_task_key) do update set
          state = excluded.state, assignee = excluded.assignee,
          candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
          due_date = excluded.due_date, follow_up_date = excluded.follow_up_date,
          priority = excluded.priority, completion_time = excluded.completion_time,
          process_definition_key = excluded.process_definition_key,
          process_definition_version = excluded.process_definition_version,
          element_id = excluded.element_id
        """,
        ps -> {
          ps.setLong(1, task.getUserTaskKey());
          ps.setString(2, state);
          ps.setString(3, task.getElementId());
          ps.setLong(4, task.getElementInstanceKey());
          ps.setString(5, task.getBpmnProcessId());
          ps.setLong(6, task.getProcessDefinitionKey());
          ps.setInt(7, task.getProcessDefinitionVersion());
          ps.setLong(8, task.getProcessInstanceKey());
          ps.setString(9, blankToNull(task.getAssignee()));
          ps.setArray(
              10, ps.getConnection().createArrayOf("text", strings(task.getCandidateGroupsList())));
          ps.setArray(
              11, ps.getConnection().createArrayOf("text", strings(task.getCandidateUsersList())));
          if (task.getFormKey() > 0) {
            ps.setLong(12, task.getFormKey());
          } else {
            ps.setObject(12, null);
          }
          ps.setString(13, blankToNull(task.getDueDate()));
          ps.setString(14, blankToNull(task.getFollowUpDate()));
          ps.setInt(15, task.getPriority());
          ps.setTimestamp(16, Timestamp.from(created));
          ps.setTimestamp(17, completed);
        });
  }

  private static Object[] strings(final List<String> values) {
    return values == null ? new Object[0] : values.toArray();
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Element id → name of every named element of the BPMN, the process itself included. */
  static Map<String, String> elementNames(final Process process) {
    final Map<String, String> names = new LinkedHashMap<>();
    try {
      final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      final NodeList elements =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(process.getResource()))
              .getElementsByTagNameNS("*", "*");
      for (int i = 0; i < elements.getLength(); i++) {
        final Element element = (Element) elements.item(i);
        if (element.hasAttribute("id") && element.hasAttribute("name")) {
          names.putIfAbsent(element.getAttribute("id"), element.getAttribute("name"));
        }
      }
    } catch (final Exception e) {
      LOG.warn("Cannot read the element names of {}", process.getResourceName(), e);
    }
    return names;
  }

  private static String toJson(final Map<String, String> names) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(names);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
