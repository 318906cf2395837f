package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The entry's hash is SHA-256 over the canonical form its documentation gives; chains written
 * before stay verifiable only while the hash of the same entry stays the same.
 */
class AuditEntryTest {

  @Test
  void theHashIsThatOfTheDocumentedCanonicalForm() {
    // computed apart from this code (Python's hashlib) over
    // "20:openmineral-audit-v1" "1:1" "2:42" "5:EVENT" ... "-1:" for the null bpmnProcessId ...
    // with each text's length in UTF-8 bytes
    final AuditEntry entry =
        new AuditEntry(
            1,
            42,
            "EVENT",
            "USER_TASK",
            "COMPLETED",
            2251799813685249L,
            2251799813685250L,
            "approve-deal",
            null,
            1764000000000L,
            "Zoë Müller",
            "{\"value\":{\"assignee\":\"Zoë Müller\",\"note\":\"Δ 5 % ✓\"}}");

    assertThat(entry.hash(AuditEntry.GENESIS))
        .isEqualTo("cfde0b32e8e1045cf268e7902a957878b91bfb70af3bc2234d910b551514a4d1");
  }

  @Test
  void everyFieldAndThePreviousHashChangeIt() {
    final AuditEntry entry =
        new AuditEntry(1, 42, "EVENT", "VARIABLE", "CREATED", 7, null, null, null, 0, null, "{}");
    final String hash = entry.hash(AuditEntry.GENESIS);

    assertThat(entry.hash("1".repeat(64))).isNotEqualTo(hash);
    assertThat(
            new AuditEntry(1, 42, "EVENT", "VARIABLE", "CREATED", 7, null, null, null, 0, "", "{}")
                .hash(AuditEntry.GENESIS))
        .as("an empty actor is not a missing one")
        .isNotEqualTo(hash);
    assertThat(
            new AuditEntry(
                    1, 42, "EVENT", "VARIABLE", "CREATED", 7, null, null, null, 0, null, "{ }")
                .hash(AuditEntry.GENESIS))
        .isNotEqualTo(hash);
  }
}
