package org.openmineral.audit;

import io.camunda.zeebe.protocol.record.Record;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded engine's record feed into the audit log: each record goes through the {@link
 * AuditProjection} (the same code the audit exporter runs in a Camunda broker) in a transaction of
 * its own. A record delivered again is written once; the feed resumes after {@link #position()}.
 */
public final class AuditLog {
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

  /** Audits one record of the feed, at most once; the feed's handler. */
  public void apply(final Record<?> record) {
    if (!AuditProjection.audited(record)) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          try {
            projection.apply(DataSourceUtils.getConnection(dataSource), record);
          } catch (final SQLException e) {
            throw errors.translate("audit record " + record.getPosition(), null, e);
          }
        });
  }

  static boolean audited(final Record<?> record) {
    return AuditProjection.audited(record);
  }
}
