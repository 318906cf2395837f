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
    // the canonical form streamed into the digest field by field: each field's text is encoded
    // once, and the record's JSON is not copied into one big canonical string
    final MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
        digest.update(NULL_FIELD);
      } else {
        final byte[] text = field.toString().getBytes(StandardCharsets.UTF_8);
        digest.update((text.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(text);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static final byte[] NULL_FIELD = "-1:".getBytes(StandardCharsets.US_ASCII);
}
