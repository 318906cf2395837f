package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The audit log over HTTP on a real {@code counterparty-onboarding} instance: its history, the
 * verification of the hash chain, each kind of tampering (done behind the application's back with
 * the append-only trigger disabled) detected, the roles, and the projection's idempotence.
 */
class AuditApiTest extends AuditTestSupport {
  @Autowired AuditLog auditLog;

  @Test
  void auditsAnOnboardingReplaysItsHistoryAndDetectsEveryTampering() throws Exception {
    final long instance = rejectedOnboarding();

    // the history, once the audit log has the end of the instance
    final JsonNode history =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> history(instance, "auditor"),
                h ->
                    h != null
                        && events(h).stream()
                            .anyMatch(
                                e ->
                                    e.get("elementId").asText("").equals("counterparty-onboarding")
                                        && e.get("intent").asText().equals("ELEMENT_COMPLETED")));
    assertThat(history.get("bpmnProcessId").asText()).isEqualTo("counterparty-onboarding");
    final List<String> activated =
        events(history).stream()
            .filter(
                e ->
                    e.get("valueType").asText().equals("PROCESS_INSTANCE")
                        && e.get("intent").asText().equals("ELEMENT_ACTIVATED"))
            .map(e -> e.get("elementId").asText())
            .toList();
    assertThat(activated)
        .containsSubsequence(
            "counterparty-onboarding",
            "start",
            "screen",
            "rate",
            "compliance-decision",
            "record-rejected",
            "end-rejected");
    // exactly the activations the engine wrote, in log order
    assertThat(activated)
        .isEqualTo(
            matching(
                    r ->
                        isEvent(
                                r,
                                ValueType.PROCESS_INSTANCE,
                                ProcessInstanceIntent.ELEMENT_ACTIVATED)
                            && ofInstance(r, instance))
                .stream()
                .map(r -> ((ProcessInstanceRecordValue) r.getValue()).getElementId())
                .toList());
    final List<Long> positions =
        events(history).stream().map(e -> e.get("position").asLong()).toList();
    assertThat(positions).isSorted();
    assertThat(events(history))
        .anySatisfy(
            e -> {
              assertThat(e.get("valueType").asText()).isEqualTo("USER_TASK");
              assertThat(e.get("intent").asText()).isEqualTo("COMPLETED");
              assertThat(e.get("elementId").asText()).isEqualTo("compliance-decision");
              assertThat(e.get("actor").asText()).isEqualTo("compliance");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("valueType").asText()).isEqualTo("VARIABLE");
              assertThat(e.get("value").get("name").asText()).isEqualTo("complianceDecision");
            });
    // the structured history: the instance, its user task with who completed it and what
    assertThat(history.get("instances"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.get("processInstanceKey").asLong()).isEqualTo(instance);
              assertThat(i.get("state").asText()).isEqualTo("COMPLETED");
              assertThat(i.get("endedAt").isNull()).isFalse();
            });
    assertThat(history.get("userTasks"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.get("elementId").asText()).isEqualTo("compliance-decision");
              assertThat(t.get("state").asText()).isEqualTo("COMPLETED");
              assertThat(t.get("completedBy").asText()).isEqualTo("compliance");
              assertThat(t.get("variables").get("complianceDecision").asText()).isEqualTo("REJECT");
            });
    assertThat(events(history))
        .allSatisfy(e -> assertThat(e.get("processInstanceKey").asLong()).isEqualTo(instance));
    assertThat(send("/api/process-instances/" + instance + "/history", "admin").statusCode())
        .isEqualTo(200);
    assertThat(send("/api/process-instances/" + instance + "/history", "trader").statusCode())
        .isEqualTo(403);
    final HttpResponse<String> unknown = send("/api/process-instances/1234567/history", "auditor");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    // the untouched chain is valid, for auditor and admin; a trader may not ask
    final JsonNode valid = verify("auditor");
    assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
    assertThat(valid.get("entries").asLong()).isPositive();
    assertThat(valid.get("firstBrokenEntry").isNull()).isTrue();
    assertThat(verify("admin").get("valid").asBoolean()).isTrue();
    assertThat(send("/api/audit/verify", "trader").statusCode()).isEqualTo(403);

    theApplicationCannotChangeOrRemoveEntries();
    everyTamperingIsDetected();
    assertThat(verify("auditor").get("valid").asBoolean()).isTrue();
    aRecordDeliveredAgainIsAuditedOnce();
  }

  private void theApplicationCannotChangeOrRemoveEntries() {
    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
  }

  private void everyTamperingIsDetected() throws Exception {
    // two entries in the middle of partition 1 with a gap between them (commands are not audited)
    final long[] pair =
        jdbc.queryForObject(
            """
            select position, next from (
              select position, lead(position) over (order by position) as next
              from audit_entry where partition_id = 1) pairs
            where next > position + 1 order by position offset 5 limit 1
            """,
            (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
    final long target = pair[0];
    final long next = pair[1];

    tampered(
        "update audit_entry set record_json = record_json || ' ' where position = " + target,
        target);
    tampered("update audit_entry set element_id = 'forged' where position = " + target, target);
    tampered("update audit_entry set hash = repeat('f', 64) where position = " + target, target);
    tampered("delete from audit_entry where position = " + target, next);
    // reordered: the two entries swap positions
    tampered(
        String.format(
            "update audit_entry set position = -1 where position = %1$d;"
                + " update audit_entry set position = %1$d where position = %2$d;"
                + " update audit_entry set position = %2$d where position = -1",
            target, next),
        target);
    // inserted: a well-formed entry, hashed onto its predecessor, in the gap
    final String previousHash =
        jdbc.queryForObject(
            "select hash from audit_entry where position = ?", String.class, target);
    final AuditEntry forged =
        new AuditEntry(
            1, target + 1, "EVENT", "VARIABLE", "CREATED", 42, null, null, null, 0, null, "{}");
    tampered(
        "insert into audit_entry (partition_id, position, record_type, value_type, intent,"
            + " record_key, record_timestamp, record_json, previous_hash, hash) values (1, "
            + (target + 1)
            + ", 'EVENT', 'VARIABLE', 'CREATED', 42, to_timestamp(0), '{}', '"
            + previousHash
            + "', '"
            + forged.hash(previousHash)
            + "')",
        next);
  }

  /**
   * Saves partition 1's entries, applies {@code tampering} with the append-only trigger disabled,
   * expects verification to name {@code brokenAt}, and puts the saved entries back.
   */
  private void tampered(final String tampering, final long brokenAt) throws Exception {
    final String saved = "audit_entry_saved";
    jdbc.execute("drop table if exists " + saved);
    jdbc.execute("create table " + saved + " as select * from audit_entry");
    final Consumer<Boolean> trigger =
        enabled ->
            jdbc.execute(
                "alter table audit_entry "
                    + (enabled ? "enable" : "disable")
                    + " trigger audit_entry_no_update_or_delete");
    trigger.accept(false);
    try {
      jdbc.execute(tampering);
      final JsonNode result = verify("auditor");
      assertThat(result.get("valid").asBoolean()).as(tampering).isFalse();
      assertThat(result.get("firstBrokenEntry").get("position").asLong())
          .as(tampering + " → " + result)
          .isEqualTo(brokenAt);
      assertThat(result.get("firstBrokenEntry").get("reason").asText()).isNotBlank();
    } finally {
      // back to the saved rows (entries audited meanwhile are kept)
      jdbc.execute(
          "delete from audit_entry where position <= (select max(position) from " + saved + ")");
      jdbc.execute("insert into audit_entry select * from " + saved);
      trigger.accept(true);
      jdbc.execute("drop table " + saved);
    }
    assertThat(verify("auditor").get("valid").asBoolean())
        .as("restored after " + tampering)
        .isTrue();
  }

  /** The projection fed a record it has audited already writes nothing and keeps its head. */
  private void aRecordDeliveredAgainIsAuditedOnce() throws Exception {
    final Record<?> record =
        records.stream().filter(AuditProjection::audited).skip(10).findFirst().orElseThrow();
    final String where = " from audit_entry where partition_id = ? and position = ?";
    final String hash =
        jdbc.queryForObject(
            "select hash" + where, String.class, record.getPartitionId(), record.getPosition());
    final long head = auditLog.position();

    auditLog.apply(record);
    auditLog.apply(record);

    assertThat(
            jdbc.queryForObject(
                "select count(*)" + where,
                Long.class,
                record.getPartitionId(),
                record.getPosition()))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select hash" + where, String.class, record.getPartitionId(), record.getPosition()))
        .isEqualTo(hash);
    assertThat(auditLog.position()).isGreaterThanOrEqualTo(head);
    assertThat(verify("auditor").get("valid").asBoolean()).isTrue();
  }

  /** A trader records a clear counterparty; compliance rejects it in the onboarding's decision. */
  private long rejectedOnboarding() throws Exception {
    final long instance = decidedOnboarding("Audited Metals Ltd", "REJECT").instance();
    await(instanceCompleted(instance));
    return instance;
  }
}
