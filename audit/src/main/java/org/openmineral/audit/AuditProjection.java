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
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit projection, on a connection whose transaction the host owns, one record or a batch at a
 * time: one {@code audit_entry} per {@code EVENT} and {@code COMMAND_REJECTION} record, hashed into
 * a chain per partition ({@code V6__audit.sql}), and the structured process history of that record
 * ({@code V14__audit_history.sql}, see {@link ProcessHistory}); the append-only rows of a batch go
 * to PostgreSQL as JDBC batches at its end ({@link Statements}). The chain's head ({@code
 * audit_chain_head}: last position and hash) moves in the same transaction, only forward; a record
 * at or below the head is skipped, so a record delivered again (after a restart, or a retry after a
 * failure) is written once, history included.
 *
 * <p>Depends only on the Zeebe protocol and JDBC, so that the application (embedded engine's record
 * feed) and the audit exporter (a Camunda broker) write the same rows for the same records.
 */
public final class AuditProjection {

  /**
   * The variable in which the API names the user who started an instance or published a message
   * (deal capture, amendment, cancellation, business events); audited as the entry's actor.
   */
  public static final String ACTOR_VARIABLE = "actor";

  /**
   * The PostgreSQL channel on which the projection announces user-task changes ({@code {"type":
   * "task.created", "id": "<user task key>", "at": "<ISO instant>"}}), in the transaction of their
   * history rows: applications running against a cluster listen to it for the inbox's live updates
   * (the embedded engine's application has them from its record feed).
   */
  public static final String TASK_EVENTS_CHANNEL = "openmineral_task_events";

  /**
   * Value types not audited: job activation batches (the jobs' own events are audited; a batch
   * repeats every variable of every job it hands out), usage metrics, and the identity set-up the
   * embedded engine writes again at every start (demo users, roles, tenants, authorizations), and
   * backup checkpoints.
   */
  public static final Set<ValueType> SKIPPED =
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

  private final ObjectMapper json = new ObjectMapper();
  private final ProcessHistory history = new ProcessHistory();
  private final Map<String, int[]> parameterTypes = new java.util.concurrent.ConcurrentHashMap<>();
  private final boolean valuesFromJson;

  public AuditProjection() {
    this(false);
  }

  /**
   * With {@code valuesFromJson}, the fields of every record's value are read from its JSON, as they
   * were before {@link #typed} records were read through the protocol's getters: the tests project
   * the same records both ways and compare the rows.
   */
  AuditProjection(final boolean valuesFromJson) {
    this.valuesFromJson = valuesFromJson;
  }

  /**
   * Whether the projection reads the record's value through the protocol's getters instead of a
   * parse of its JSON: process-instance and variable records, about three quarters of the audited
   * records of a deal. Their fields are all the projection needs of them; the parse was the largest
   * cost of the audit feed after the engine's own {@code toJson()}. Every other record is read from
   * its JSON, where the projection looks up fields by name across many value types.
   */
  private boolean typed(final Record<?> record) {
    return !valuesFromJson
        && (record.getValue() instanceof ProcessInstanceRecordValue
            || record.getValue() instanceof VariableRecordValue);
  }

  /** Whether the record belongs in the audit log. */
  public static boolean audited(final Record<?> record) {
    return audited(record.getRecordType(), record.getValueType());
  }

  public static boolean audited(final RecordType recordType, final ValueType valueType) {
    return (recordType == RecordType.EVENT || recordType == RecordType.COMMAND_REJECTION)
        && !SKIPPED.contains(valueType);
  }

  /** The highest position audited on any partition, -1 if none. */
  public long position(final Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("select max(position) from audit_chain_head");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      final long position = rs.getLong(1);
      return rs.wasNull() ? -1 : position;
    }
  }

  /** The highest position audited on the partition, -1 if none. */
  public long position(final Connection connection, final int partitionId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select position from audit_chain_head where partition_id = ?")) {
      select.setInt(1, partitionId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /**
   * Projects one record in the caller's transaction; the caller commits. Returns whether anything
   * was written: false for a record not audited or audited before.
   */
  public boolean apply(final Connection connection, final Record<?> record) throws SQLException {
    return applyAll(connection, List.of(record)) == 1;
  }

  /**
   * Projects records in log order in the caller's transaction; the caller commits. Each partition's
   * head is locked and read once and written once for the whole list. Returns how many records were
   * written (those not audited or audited before are skipped).
   */
  public int applyAll(final Connection connection, final List<? extends Record<?>> records)
      throws SQLException {
    final Map<Integer, Head> heads = new HashMap<>();
    final Set<Integer> moved = new HashSet<>();
    int written = 0;
    try (Statements statements = new Statements(connection, parameterTypes)) {
      for (final Record<?> record : records) {
        if (!audited(record)) {
          continue;
        }
        Head head = heads.get(record.getPartitionId());
        if (head == null) {
          head = lockHead(connection, record.getPartitionId());
          heads.put(record.getPartitionId(), head);
        }
        if (head.position() >= record.getPosition()) {
          continue; // audited before
        }
        final String recordJson = record.toJson();
        final boolean typed = typed(record);
        final JsonNode value = typed ? null : value(record, recordJson);
        final AuditEntry entry =
            typed ? typedEntry(record, recordJson) : entry(record, recordJson, value);
        final String hash = entry.hash(head.hash());
        insert(statements, entry, head.hash(), hash);
        history.project(statements, record, value, entry);
        heads.put(record.getPartitionId(), new Head(entry.position(), hash));
        moved.add(record.getPartitionId());
        written++;
      }
      statements.flush();
    }
    for (final int partition : moved) {
      moveHead(connection, partition, heads.get(partition));
    }
    return written;
  }

  /** A partition's last audited position and hash ({@code -1} and genesis before the first). */
  private record Head(long position, String hash) {}

  private static Head lockHead(final Connection connection, final int partitionId)
      throws SQLException {
    try (PreparedStatement head =
        connection.prepareStatement(
            "select position, hash from audit_chain_head where partition_id = ? for update")) {
      head.setInt(1, partitionId);
      try (ResultSet rs = head.executeQuery()) {
        return rs.next()
            ? new Head(rs.getLong(1), rs.getString(2))
            : new Head(-1, AuditEntry.GENESIS);
      }
    }
  }

  /** Deferred: nothing in the projection reads audit entries back. */
  private static void insert(
      final Statements statements,
      final AuditEntry entry,
      final String previousHash,
      final String hash)
      throws SQLException {
    statements.defer(
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
        time(entry.timestampMillis()),
        entry.actor(),
        entry.recordJson(),
        previousHash,
        hash);
  }

  private static void moveHead(final Connection connection, final int partition, final Head head)
      throws SQLException {
    try (PreparedStatement moveHead =
        connection.prepareStatement(
            """
            insert into audit_chain_head (partition_id, position, hash) values (?, ?, ?)
            on conflict (partition_id) do update
              set position = excluded.position, hash = excluded.hash
            """)) {
      moveHead.setInt(1, partition);
      moveHead.setLong(2, head.position());
      moveHead.setString(3, head.hash());
      moveHead.executeUpdate();
    }
  }

  private JsonNode value(final Record<?> record, final String recordJson) {
    try {
      return json.readTree(recordJson).path("value");
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("record " + record.getPosition() + " is not JSON", e);
    }
  }

  /**
   * The entry of a {@link #typed} record, field for field what {@link #entry} reads from its JSON:
   * neither value type has a {@code targetElementId}, a variable no {@code elementId}, and neither
   * is a record the {@link #actor} is read from.
   */
  private static AuditEntry typedEntry(final Record<?> record, final String recordJson) {
    if (record.getValue() instanceof ProcessInstanceRecordValue value) {
      return entry(
          record,
          recordJson,
          value.getProcessInstanceKey(),
          blankToNull(value.getElementId()),
          blankToNull(value.getBpmnProcessId()),
          null);
    }
    final VariableRecordValue value = (VariableRecordValue) record.getValue();
    return entry(
        record,
        recordJson,
        value.getProcessInstanceKey(),
        null,
        blankToNull(value.getBpmnProcessId()),
        null);
  }

  private static AuditEntry entry(
      final Record<?> record, final String recordJson, final JsonNode value) {
    final String elementId = text(value, "elementId");
    return entry(
        record,
        recordJson,
        value.path("processInstanceKey").asLong(-1),
        elementId != null ? elementId : text(value, "targetElementId"),
        text(value, "bpmnProcessId"),
        actor(record, value));
  }

  /** The entry of the record with the fields read from its value. */
  private static AuditEntry entry(
      final Record<?> record,
      final String recordJson,
      final long instance,
      final String elementId,
      final String bpmnProcessId,
      final String actor) {
    return new AuditEntry(
        record.getPartitionId(),
        record.getPosition(),
        record.getRecordType().name(),
        record.getValueType().name(),
        record.getIntent().name(),
        record.getKey(),
        instance > 0 ? instance : null,
        elementId,
        bpmnProcessId,
        record.getTimestamp(),
        actor,
        recordJson);
  }

  /**
   * Who acted, where the record tells: a user task's assignee on its {@code ASSIGNED} and {@code
   * COMPLETED} events; the {@link #ACTOR_VARIABLE} the API sets on the instances it creates and the
   * messages it publishes. The task API claims an unassigned task for the caller before completing
   * it and refuses to complete a task assigned to somebody else, so the assignee is the user who
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

  static String text(final JsonNode value, final String field) {
    final JsonNode node = value.get(field);
    return node == null || node.isNull() ? null : blankToNull(node.asText());
  }

  /** A string as {@link #text} reads a field: null when null or blank. */
  static String blankToNull(final String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static OffsetDateTime time(final long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
