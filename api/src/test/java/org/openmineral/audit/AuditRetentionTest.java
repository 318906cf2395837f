package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the oldest entries move to the archive behind an anchor; the chain still verifies,
 * tampering with the log, the anchor or the archive is still detected, archiving twice moves
 * nothing more, and the process history stays.
 */
class AuditRetentionTest extends AuditTestSupport {
  @Autowired AuditArchive archive;
  @Autowired AuditVerifier verifier;

  @Test
  void archivedEntriesLeaveAChainThatVerifiesAndStillDetectsTampering() throws Exception {
    // given a completed onboarding in the audit log
    final long instance = decidedOnboarding("Retained Metals Ltd", "REJECT").instance();
    await(instanceCompleted(instance));
    final JsonNode before = completedHistory(instance);
    final long entriesOfInstance =
        jdbc.queryForObject(
            "select count(*) from audit_entry where process_instance_key = ?",
            Long.class,
            instance);
    final Instant cutoff =
        jdbc.queryForObject(
                "select record_timestamp from audit_entry where process_instance_key = ?"
                    + " order by position offset ? limit 1",
                Timestamp.class,
                instance,
                entriesOfInstance / 2)
            .toInstant();

    // when the entries before the middle of the instance are archived
    final AuditArchive.Archived archived = archive.archiveBefore(cutoff);

    // then a prefix of the chain moved, behind an anchor, and the rest verifies from it
    assertThat(archived.entries()).isPositive();
    final AuditArchive.Anchor anchor = archived.anchors().getFirst();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where partition_id = ? and position <= ?",
                Long.class,
                anchor.partition(),
                anchor.position()))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select hash from audit_entry_archive where partition_id = ?"
                    + " order by position desc limit 1",
                String.class,
                anchor.partition()))
        .isEqualTo(anchor.hash());
    assertThat(
            jdbc.queryForObject(
                "select max(record_timestamp) from audit_entry_archive", Timestamp.class))
        .isBefore(Timestamp.from(cutoff));
    final JsonNode verification = verify("auditor");
    assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.get("archivedEntries").asLong())
        .isEqualTo(jdbc.queryForObject("select count(*) from audit_entry_archive", Long.class));
    // the history of the instance is kept whole, each event's value now read from the archive
    assertThat(before.get("events"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("value").isObject()).as(e.toString()).isTrue());
    assertThat(history(instance, "auditor").get("events")).isEqualTo(before.get("events"));
    // the model it ran on is still served, its deployment now in the archive
    final long definition = before.get("instances").get(0).get("processDefinitionKey").asLong();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry_archive where value_type = 'PROCESS'"
                    + " and record_key = ?",
                Long.class,
                definition))
        .isPositive();
    final var xml = send("/api/process-definitions/" + definition + "/xml", "auditor");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("counterparty-onboarding");
    // archiving again moves nothing more
    assertThat(archive.archiveBefore(cutoff).entries()).isZero();

    // and tampering is detected: in the log, at the anchor, in the archive
    final long firstLogged =
        jdbc.queryForObject(
            "select min(position) from audit_entry where partition_id = ?",
            Long.class,
            anchor.partition());
    final long secondLogged =
        jdbc.queryForObject(
            "select min(position) from audit_entry where partition_id = ? and position > ?",
            Long.class,
            anchor.partition(),
            firstLogged);
    final long lastArchivedButOne =
        jdbc.queryForObject(
            "select max(position) from audit_entry_archive where partition_id = ? and position < ?",
            Long.class,
            anchor.partition(),
            anchor.position());
    brokenAt(
        "update audit_entry set actor = 'mallory' where position = " + secondLogged, secondLogged);
    brokenAt("delete from audit_entry where position = " + firstLogged, secondLogged);
    brokenAt("update audit_chain_anchor set hash = repeat('a', 64)", anchor.position());
    brokenAt(
        "update audit_entry_archive set record_json = record_json || ' '"
            + " where position = "
            + lastArchivedButOne,
        lastArchivedButOne);
    brokenAt(
        "delete from audit_entry_archive where position = " + anchor.position(),
        lastArchivedButOne);
    assertThat(verifier.verify().valid()).isTrue();

    // the application itself can neither remove an entry not archived nor touch the archive
    assertThatThrownBy(
            () -> jdbc.update("delete from audit_entry where position = ?", secondLogged))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry_archive"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("update audit_entry_archive set actor = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
  }

  @Test
  void withoutARetentionNothingIsArchived() {
    final AuditArchive keepEverything =
        new AuditArchive(
            jdbc,
            new TransactionTemplate(transactionManager),
            new AuditProperties(null, null),
            Clock.systemUTC());
    assertThat(keepEverything.archiveByRetention().entries()).isZero();
    assertThat(new AuditProperties(null, null).archiveInterval()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> new AuditProperties(Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openmineral.audit.retention");
  }

  private void brokenAt(final String tampering, final long position) {
    final AuditVerifier.Result result = tamperedThenRolledBack(tampering, verifier::verify);
    assertThat(result.valid()).as(tampering).isFalse();
    assertThat(result.firstBrokenEntry().position())
        .as(tampering + " → " + result)
        .isEqualTo(position);
  }
}
