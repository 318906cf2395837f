package org.openmineral.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects the embedded engine's record feed into the append-only {@code audit_entry} table of
 * {@code V6__audit.sql}: one entry per {@code EVENT} and {@code COMMAND_REJECTION} record, hashed
 * into a chain per partition. The chain's head ({@code audit_chain_head}: last position and hash)
 * is moved in the same transaction as the entry, only forward; a record at or below the head is
 * skipped, so a record delivered again (after a restart, or a retry after a failure) is written
 * once. The feed resumes after {@link #position()}.
 */
public final class AuditLog {
  public static final String NAME = "audit";

  /**
   * The variable in which the API names the user who started an instance or published a message
   * (deal capture, amendment, cancellation, business events); audited as the entry's actor.
   */
  public static final String ACTOR_VARIABLE = "actor";

  /**
   * Value types not audited: job activation batches (the jobs' own events are audited; a batch
   * repeats every variable of every job it hands out), usage metrics, and the identity set-up the
   * embedded engine writes again at every start (demo users, roles, tenants, authorizations), and
   * backup checkpoints.
   */
  static final Set<ValueType> SKIPPED =
      EnumSet.of(
          ValueType.JOB_BATCH,
          ValueType.USAGE_METRIC,
          ValueType.IDENTITY_SETUP,
          ValueType.USER,
          ValueType.ROLE,
          ValueType.TENANT,
          ValueType.GROUP,
          ValueType.MAPPING_RULE,
          ValueType.AUTHORIZATION,
          ValueType.CHECKPOINT);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json = new ObjectMapper();

  public AuditLog(final JdbcTemplate jdbc, final TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The highest position audited on any partition, -1 if none: where the feed resumes. */
  public long position() {
    final Long position =
        jdbc.queryForObject("select max(position) from audit_chain_head", Long.class);
    return position == null ? -1 : position;
  }

  /** Audits one record of the feed, at most once; the feed's handler. */
  public void apply(final Record<?> record) {
    if (!audited(record)) {
      return;
    }
    final AuditEntry entry = entry(record);
    transactions.executeWithoutResult(
        status -> {
          final List<String> head =
              jdbc.query(
                  "select hash from audit_chain_head where partition_id = ? and position >= ?",
                  (rs, i) -> rs.getString(1),
                  entry.partitionId(),
                  entry.position());
          if (!head.isEmpty()) {
            return; // audited before
          }
          final List<String> previous =
              jdbc.query(
                  "select hash from audit_chain_head where partition_id = ? for update",
                  (rs, i) -> rs.getString(1),
                  entry.partitionId());
          final String previousHash = previous.isEmpty() ? AuditEntry.GENESIS : previous.get(0);
          final String hash = entry.hash(previousHash);
          jdbc.update(
              """
              insert into audit_entry
                (partition_id, position, record_type, value_type, intent, record_key,
                 process_instance_key, element_id, bpmn_process_id, record_timestamp, actor,
                 record_json, previous_hash, hash)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
              entry.partitionId(),
              entry.position(),
              entry.recordType(),
              entry.valueType(),
              entry.intent(),
              entry.recordKey(),
              entry.processInstanceKey(),
              entry.elementId(),
              entry.bpmnProcessId(),
              Timestamp.from(Instant.ofEpochMilli(entry.timestampMillis())),
              entry.actor(),
              entry.recordJson(),
              previousHash,
              hash);
          jdbc.update(
              """
              insert into audit_chain_head (partition_id, position, hash) values (?, ?, ?)
              on conflict (partition_id) do update
                set position = excluded.position, hash = excluded.hash
              """,
              entry.partitionId(),
              entry.position(),
              hash);
        });
  }

  static boolean audited(final Record<?> record) {
    return (record.getRecordType() == RecordType.EVENT
            || record.getRecordType() == RecordType.COMMAND_REJECTION)
        && !SKIPPED.contains(record.getValueType());
  }

  private AuditEntry entry(final Record<?> record) {
    final String recordJson = record.toJson();
    final JsonNode value;
    try {
      value = json.readTree(recordJson).path("value");
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("record " + record.getPosition() + " is not JSON", e);
    }
    final long instance = value.path("processInstanceKey").asLong(-1);
    final String elementId =
        text(value, "elementId") != null
            ? text(value, "elementId")
            : text(value, "targetElementId");
    return new AuditEntry(
        record.getPartitionId(),
        record.getPosition(),
        record.getRecordType().name(),
        record.getValueType().name(),
        record.getIntent().name(),
        record.getKey(),
        instance > 0 ? instance : null,
        elementId,
        text(value, "bpmnProcessId"),
        record.getTimestamp(),
        actor(record, value),
        recordJson);
  }

  /**
   * Who acted, where the record tells: a user task's assignee on its {@code ASSIGNED} and {@code
   * COMPLETED} events. The task API claims an unassigned task for the caller before completing it
   * and refuses to complete a task assigned to somebody else, so the assignee is the user who
   * completed it.
   */
  private static String actor(final Record<?> record, final JsonNode value) {
    if (record.getRecordType() == RecordType.EVENT
        && (record.getIntent() == UserTaskIntent.COMPLETED
            || record.getIntent() == UserTaskIntent.ASSIGNED)) {
      return text(value, "assignee");
    }
    // the API names the user behind the instances it starts and the messages it publishes
    if (record.getRecordType() == RecordType.EVENT
        && (record.getIntent() == MessageIntent.PUBLISHED
            || record.getIntent() == ProcessInstanceCreationIntent.CREATED)) {
      return text(value.path("variables"), ACTOR_VARIABLE);
    }
    return null;
  }

  private static String text(final JsonNode value, final String field) {
    final JsonNode node = value.get(field);
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }
}
