package org.openmineral.audit;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;

/**
 * The audit projection inside a Camunda 8.8 broker: one instance per partition writes that
 * partition's audit chain and process history to PostgreSQL, one record per transaction, and
 * acknowledges a record's position to the broker only after its transaction committed. A record the
 * broker exports again (after a restart, or a retry after a failure) is skipped by the chain head,
 * so nothing is written twice and nothing is lost.
 *
 * <p>Arguments ({@code zeebe.broker.exporters.openmineralaudit.args}): {@code url} (JDBC URL,
 * required), {@code user}, {@code password}. The schema is the application's ({@code
 * db/migration}); until it exists, exporting fails and the broker retries.
 */
public final class AuditExporter implements Exporter {
  private final AuditProjection projection = new AuditProjection();
  private Settings settings;
  private Logger log;
  private int partitionId;
  private Controller controller;
  private Connection connection;

  /** The exporter's arguments. */
  record Settings(String url, String user, String password) {
    static Settings of(final Map<String, Object> arguments) {
      final Object url = arguments.get("url");
      if (url == null || url.toString().isBlank()) {
        throw new IllegalArgumentException(
            "the audit exporter needs args.url, the JDBC URL of the OpenMineral database");
      }
      if (!url.toString().startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "args.url must be a PostgreSQL JDBC URL (jdbc:postgresql://…), got " + url);
      }
      return new Settings(
          url.toString(), string(arguments.get("user")), string(arguments.get("password")));
    }

    private static String string(final Object value) {
      return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
      return "Settings[url=" + url + ", user=" + user + "]";
    }
  }

  @Override
  public void configure(final Context context) {
    settings = Settings.of(context.getConfiguration().getArguments());
    log = context.getLogger();
    partitionId = context.getPartitionId();
    context.setFilter(
        new Context.RecordFilter() {
          @Override
          public boolean acceptType(final RecordType recordType) {
            return recordType == RecordType.EVENT || recordType == RecordType.COMMAND_REJECTION;
          }

          @Override
          public boolean acceptValue(final ValueType valueType) {
            return !AuditProjection.SKIPPED.contains(valueType);
          }
        });
  }

  @Override
  public void open(final Controller controller) {
    this.controller = controller;
    // a record committed just before the broker stopped, and not yet acknowledged: move on
    // from the database's head (the broker would export it again; the head would skip it)
    try {
      final long head = projection.position(connection(), partitionId);
      connection.commit();
      if (head > controller.getLastExportedRecordPosition()) {
        controller.updateLastExportedRecordPosition(head);
      }
      log.info(
          "Audit exporter on partition {} opened at position {} ({})",
          partitionId,
          Math.max(head, controller.getLastExportedRecordPosition()),
          settings);
    } catch (final SQLException e) {
      disconnect();
      log.warn(
          "Audit exporter on partition {}: database not reachable yet ({}); exporting retries",
          partitionId,
          e.getMessage());
    }
  }

  @Override
  public void export(final Record<?> record) {
    if (record.getPosition() <= controller.getLastExportedRecordPosition()) {
      return; // committed before the last restart (see open)
    }
    if (AuditProjection.audited(record)) {
      try {
        final Connection c = connection();
        try {
          projection.apply(c, record);
          c.commit();
        } catch (final SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (final SQLException e) {
        disconnect();
        throw new IllegalStateException(
            "audit of record " + record.getPosition() + " failed; the broker retries it", e);
      }
    }
    controller.updateLastExportedRecordPosition(record.getPosition());
  }

  @Override
  public void close() {
    disconnect();
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      final Properties properties = new Properties();
      if (settings.user() != null) {
        properties.setProperty("user", settings.user());
      }
      if (settings.password() != null) {
        properties.setProperty("password", settings.password());
      }
      properties.setProperty("ApplicationName", "openmineral-audit-exporter");
      // the driver straight from this jar: DriverManager would look in the broker's class loader
      connection = new org.postgresql.Driver().connect(settings.url(), properties);
      if (connection == null) {
        throw new SQLException("the PostgreSQL driver does not accept " + settings.url());
      }
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void disconnect() {
    if (connection != null) {
      try {
        connection.close();
      } catch (final SQLException e) {
        log.debug("Closing the audit exporter's connection failed", e);
      }
      connection = null;
    }
  }
}
