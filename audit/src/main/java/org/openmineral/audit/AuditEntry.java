package org.openmineral.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One row of the audit log. {@link #hash(String)} is SHA-256 over the canonical content: every
 * field, the previous entry's hash included, as {@code <length>:<UTF-8 text>} (length -1 for a
 * null), so no two different entries share a canonical form.
 */
public record AuditEntry(
    int partitionId,
    long position,
    String recordType,
    String valueType,
    String intent,
    long recordKey,
    Long processInstanceKey,
    String elementId,
    String bpmnProcessId,
    long timestampMillis,
    String actor,
    String recordJson) {

  /** The hash of the partition's first entry's predecessor. */
  public static final String GENESIS = "0".repeat(64);

  public String hash(final String previousHash) {
    final StringBuilder canonical = new StringBuilder(recordJson.length() + 256);
    for (final Object field :
        new Object[] {
          "openmineral-audit-v1",
          partitionId,
          position,
          recordType,
          valueType,
          intent,
          recordKey,
          processInstanceKey,
          elementId,
          bpmnProcessId,
          timestampMillis,
          actor,
          previousHash,
          recordJson
        }) {
      if (field == null) {
        canonical.append("-1:");
      } else {
        final String text = field.toString();
        canonical.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
