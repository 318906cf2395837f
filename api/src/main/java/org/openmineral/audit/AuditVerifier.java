package org.openmineral.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit chain of every partition in position order, in one repeatable-read snapshot, and
 * reports the first entry that breaks it: an entry whose hash does not match its content, an entry
 * whose previous hash is not the hash of the entry before it (an entry deleted, inserted or moved),
 * or a chain that ends before its head (entries deleted at the tail).
 */
public final class AuditVerifier {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate snapshot;

  public AuditVerifier(final DataSource dataSource, final PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** The outcome: valid, entries walked, and the first broken entry if any. */
  public record Result(boolean valid, long entries, BrokenEntry firstBrokenEntry) {}

  public record BrokenEntry(int partition, long position, String reason) {}

  public Result verify() {
    return snapshot.execute(status -> walk());
  }

  private Result walk() {
    final Map<Integer, long[]> heads = new LinkedHashMap<>();
    final Map<Integer, String> headHashes = new HashMap<>();
    jdbc.query(
        "select partition_id, position, hash from audit_chain_head",
        rs -> {
          heads.put(rs.getInt(1), new long[] {rs.getLong(2)});
          headHashes.put(rs.getInt(1), rs.getString(3));
        });
    final long[] count = {0};
    final BrokenEntry[] broken = {null};
    final Map<Integer, String> lastHash = new HashMap<>();
    final Map<Integer, Long> lastPosition = new HashMap<>();
    jdbc.query(
        """
        select partition_id, position, record_type, value_type, intent, record_key,
               process_instance_key, element_id, bpmn_process_id,
               (extract(epoch from record_timestamp) * 1000)::bigint, actor, record_json,
               previous_hash, hash
        from audit_entry order by partition_id, position
        """,
        rs -> {
          count[0]++;
          final long instance = rs.getLong(7);
          final Long processInstanceKey = rs.wasNull() ? null : instance;
          final AuditEntry entry =
              new AuditEntry(
                  rs.getInt(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  processInstanceKey,
                  rs.getString(8),
                  rs.getString(9),
                  rs.getLong(10),
                  rs.getString(11),
                  rs.getString(12));
          final String previousHash = rs.getString(13);
          final String hash = rs.getString(14);
          final String expectedPrevious =
              lastHash.getOrDefault(entry.partitionId(), AuditEntry.GENESIS);
          lastHash.put(entry.partitionId(), hash);
          lastPosition.put(entry.partitionId(), entry.position());
          if (broken[0] != null) {
            return;
          }
          if (!expectedPrevious.equals(previousHash)) {
            broken[0] =
                new BrokenEntry(
                    entry.partitionId(),
                    entry.position(),
                    "its previous hash is not the hash of the entry before it: an entry was"
                        + " deleted, inserted or moved before it, or its previous hash edited");
          } else if (!entry.hash(previousHash).equals(hash)) {
            broken[0] =
                new BrokenEntry(
                    entry.partitionId(),
                    entry.position(),
                    "its hash does not match its content: the entry or its hash was edited");
          } else if (!heads.containsKey(entry.partitionId())) {
            broken[0] =
                new BrokenEntry(
                    entry.partitionId(), entry.position(), "its partition has no chain head");
          }
        });
    if (broken[0] == null) {
      for (final var head : heads.entrySet()) {
        final int partition = head.getKey();
        final long position = head.getValue()[0];
        if (!Long.valueOf(position).equals(lastPosition.get(partition))
            || !headHashes.get(partition).equals(lastHash.get(partition))) {
          broken[0] =
              new BrokenEntry(
                  partition,
                  position,
                  "the chain head is this entry, but the chain ends "
                      + (lastPosition.containsKey(partition)
                          ? "at position " + lastPosition.get(partition)
                          : "before its first entry")
                      + ": entries at its end were deleted or changed");
          break;
        }
      }
    }
    return new Result(broken[0] == null, count[0], broken[0]);
  }
}
