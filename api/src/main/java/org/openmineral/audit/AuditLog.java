package org.openmineral.audit;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.openmineral.engine.feed.RecordHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded engine's record feed into the audit log: each batch of the feed goes through the
 * {@link AuditProjection} (the same code the audit exporter runs in a Camunda broker) in one
 * transaction, so a burst of records costs one commit rather than one per record. A record
 * delivered again is written once; the feed resumes after {@link #position()}. The feed reads only
 * the records that are audited ({@link #handles}).
 */
public final class AuditLog implements RecordHandler {
  public static final String NAME = "audit";

  /** See {@link AuditProjection#ACTOR_VARIABLE}. */
  public static final String ACTOR_VARIABLE = AuditProjection.ACTOR_VARIABLE;

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final AuditProjection projection = new AuditProjection();
  private final SQLErrorCodeSQLExceptionTranslator errors;

  public AuditLog(final DataSource dataSource, final TransactionTemplate transactions) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.errors = new SQLErrorCodeSQLExceptionTranslator(dataSource);
  }

  /** The highest position audited on any partition, -1 if none: where the feed resumes. */
  public long position() {
    return transactions.execute(
        status -> {
          try {
            return projection.position(DataSourceUtils.getConnection(dataSource));
          } catch (final SQLException e) {
            throw errors.translate("audit position", null, e);
          }
        });
  }

  /** Audits one record of the feed, at most once. */
  public void apply(final Record<?> record) {
    applyAll(List.of(record));
  }

  /** Audits records of the feed in log order, each at most once, in one transaction. */
  public void applyAll(final List<? extends Record<?>> records) {
    // the projection skips what it does not audit; no transaction for a batch of only that
    if (records.stream().noneMatch(AuditProjection::audited)) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          try {
            projection.applyAll(DataSourceUtils.getConnection(dataSource), records);
          } catch (final SQLException e) {
            throw errors.translate(
                "audit records "
                    + records.getFirst().getPosition()
                    + " to "
                    + records.getLast().getPosition(),
                null,
                e);
          }
        });
  }

  @Override
  public void onRecord(final Record<?> record) {
    apply(record);
  }

  @Override
  public void onRecords(final List<Record<?>> records) {
    applyAll(records);
  }

  @Override
  public boolean handles(
      final RecordType recordType, final ValueType valueType, final Intent intent) {
    return AuditProjection.audited(recordType, valueType);
  }
}
