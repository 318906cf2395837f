package org.openmineral.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 *
 * <p>After archiving ({@link AuditArchive}) a partition's chain is in two parts: the archive, from
 * the first entry to the anchor, and the log, from the entry after the anchor to the head. The
 * archive must end exactly at the anchor (position and hash); the log's first entry must name the
 * anchor's hash as its previous hash. Without archived rows (moved elsewhere) the log still
 * verifies from the anchor.
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

  /**
   * The outcome: valid, entries walked in the log, and the first broken entry if any; entries
   * walked in the archive.
   */
  public record Result(
      boolean valid, long entries, BrokenEntry firstBrokenEntry, long archivedEntries) {}

  public record BrokenEntry(int partition, long position, String reason) {}

  public Result verify() {
    return snapshot.execute(status -> new Walk().run());
  }

  private static final String ENTRY_COLUMNS =
      """
      partition_id, position, record_type, value_type, intent, record_key,
      process_instance_key, element_id, bpmn_process_id,
      (extract(epoch from record_timestamp) * 1000)::bigint, actor, record_json,
      previous_hash, hash
      """;

  /** One verification's state. */
  private final class Walk {
    final Map<Integer, long[]> heads = new LinkedHashMap<>();
    final Map<Integer, String> headHashes = new HashMap<>();
    final Map<Integer, Long> anchorPositions = new HashMap<>();
    final Map<Integer, String> anchorHashes = new HashMap<>();
    final Map<Integer, String> lastHash = new HashMap<>();
    final Map<Integer, Long> lastPosition = new HashMap<>();
    long count;
    BrokenEntry broken;

    Result run() {
      jdbc.query(
          "select partition_id, position, hash from audit_chain_head",
          rs -> {
            heads.put(rs.getInt(1), new long[] {rs.getLong(2)});
            headHashes.put(rs.getInt(1), rs.getString(3));
          });
      jdbc.query(
          "select partition_id, position, hash from audit_chain_anchor",
          rs -> {
            anchorPositions.put(rs.getInt(1), rs.getLong(2));
            anchorHashes.put(rs.getInt(1), rs.getString(3));
          });

      // the archive: from the first entry up to the anchor
      jdbc.query(
          "select " + ENTRY_COLUMNS + " from audit_entry_archive order by partition_id, position",
          rs -> {
            count++;
            check(rs, AuditEntry.GENESIS);
          });
      final long archived = count;
      if (broken == null) {
        for (final var archivedEnd : lastPosition.entrySet()) {
          final int partition = archivedEnd.getKey();
          if (!archivedEnd.getValue().equals(anchorPositions.get(partition))
              || !lastHash.get(partition).equals(anchorHashes.get(partition))) {
            broken =
                new BrokenEntry(
                    partition,
                    archivedEnd.getValue(),
                    "the archive ends at this entry, not at the partition's anchor: archived"
                        + " entries or the anchor were changed");
            break;
          }
        }
      }

      // the log: from the anchor (or the start) to the head
      lastHash.clear();
      lastPosition.clear();
      lastHash.putAll(anchorHashes);
      lastPosition.putAll(anchorPositions);
      count = 0;
      jdbc.query(
          "select " + ENTRY_COLUMNS + " from audit_entry order by partition_id, position",
          rs -> {
            count++;
            check(rs, AuditEntry.GENESIS);
            final int partition = rs.getInt(1);
            if (broken == null && !heads.containsKey(partition)) {
              broken = new BrokenEntry(partition, rs.getLong(2), "its partition has no chain head");
            }
          });
      if (broken == null) {
        for (final var head : heads.entrySet()) {
          final int partition = head.getKey();
          final long position = head.getValue()[0];
          if (!Long.valueOf(position).equals(lastPosition.get(partition))
              || !headHashes.get(partition).equals(lastHash.get(partition))) {
            broken =
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
      return new Result(broken == null, count, broken, archived);
    }

    /** Checks one entry against its predecessor in the same part of the chain. */
    private void check(final ResultSet rs, final String genesis) throws SQLException {
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
      final String expectedPrevious = lastHash.getOrDefault(entry.partitionId(), genesis);
      lastHash.put(entry.partitionId(), hash);
      lastPosition.put(entry.partitionId(), entry.position());
      if (broken != null) {
        return;
      }
      if (!expectedPrevious.equals(previousHash)) {
        broken =
            new BrokenEntry(
                entry.partitionId(),
                entry.position(),
                "its previous hash is not the hash of the entry before it: an entry was"
                    + " deleted, inserted or moved before it, or its previous hash edited");
      } else if (!entry.hash(previousHash).equals(hash)) {
        broken =
            new BrokenEntry(
                entry.partitionId(),
                entry.position(),
                "its hash does not match its content: the entry or its hash was edited");
      }
    }
  }
}
