package org.openmineral.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of the audit log: moves the entries older than the retention, as a prefix of each
 * partition's chain, from {@code audit_entry} to {@code audit_entry_archive}, and records the last
 * one's position and hash in {@code audit_chain_anchor}, all in one transaction ({@code
 * V14_1__audit_retention.sql}). The entries left verify from the anchor, the archive up to it
 * ({@link AuditVerifier}). The structured process history is kept.
 */
public final class AuditArchive {
  private static final Logger LOG = LoggerFactory.getLogger(AuditArchive.class);

  /** Serializes archiving across application instances sharing the database. */
  private static final long LOCK = 0x6f6d_6175_6469_7401L;

  private static final String COLUMNS =
      "partition_id, position, record_type, value_type, intent, record_key, process_instance_key,"
          + " element_id, bpmn_process_id, record_timestamp, actor, record_json, previous_hash,"
          + " hash";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditProperties properties;
  private final Clock clock;

  public AuditArchive(
      final JdbcTemplate jdbc,
      final TransactionTemplate transactions,
      final AuditProperties properties,
      final Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one archiving moved. */
  public record Archived(long entries, List<Anchor> anchors) {}

  /** A partition's anchor: the last archived entry. */
  public record Anchor(int partition, long position, String hash) {}

  /** The periodic archiving ({@code openmineral.audit.archive-interval}). */
  @Scheduled(
      fixedDelayString = "${openmineral.audit.archive-interval:PT1H}",
      initialDelayString = "PT1M")
  public void archivePeriodically() {
    archiveByRetention();
  }

  /** Archives by the configured retention; nothing if none is set. */
  public Archived archiveByRetention() {
    if (properties.retention() == null) {
      return new Archived(0, List.of());
    }
    final Archived archived = archiveBefore(clock.instant().minus(properties.retention()));
    if (archived.entries() > 0) {
      LOG.info(
          "Archived {} audit entries older than {}; anchors {}",
          archived.entries(),
          properties.retention(),
          archived.anchors());
    }
    return archived;
  }

  /**
   * Archives, per partition, every entry up to the newest one recorded before {@code cutoff}, so
   * that what moves is always a prefix of the chain.
   */
  public Archived archiveBefore(final Instant cutoff) {
    return transactions.execute(
        status -> {
          if (!Boolean.TRUE.equals(
              jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return new Archived(0, List.of());
          }
          final List<long[]> ends =
              jdbc.query(
                  """
                  select partition_id, max(position) from audit_entry
                  where record_timestamp < ? group by partition_id order by partition_id
                  """,
                  (rs, i) -> new long[] {rs.getInt(1), rs.getLong(2)},
                  Timestamp.from(cutoff));
          long moved = 0;
          for (final long[] end : ends) {
            final int partition = (int) end[0];
            final long position = end[1];
            final int copied =
                jdbc.update(
                    """
                    insert into audit_entry_archive (%1$s, archived_at)
                    select %1$s, now() from audit_entry
                    where partition_id = ? and position <= ?
                    """
                        .formatted(COLUMNS),
                    partition,
                    position);
            jdbc.update(
                """
                insert into audit_chain_anchor
                  (partition_id, position, hash, archived_entries, archived_at)
                select partition_id, position, hash, ?, now() from audit_entry
                where partition_id = ? and position = ?
                on conflict (partition_id) do update set position = excluded.position,
                  hash = excluded.hash,
                  archived_entries = audit_chain_anchor.archived_entries + excluded.archived_entries,
                  archived_at = excluded.archived_at
                """,
                copied,
                partition,
                position);
            jdbc.update(
                "delete from audit_entry where partition_id = ? and position <= ?",
                partition,
                position);
            moved += copied;
          }
          return new Archived(moved, anchors());
        });
  }

  public List<Anchor> anchors() {
    return jdbc.query(
        "select partition_id, position, hash from audit_chain_anchor order by partition_id",
        (rs, i) -> new Anchor(rs.getInt(1), rs.getLong(2), rs.getString(3)));
  }
}
