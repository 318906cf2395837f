package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.test.ExporterTestConfiguration;
import io.camunda.zeebe.exporter.test.ExporterTestContext;
import io.camunda.zeebe.exporter.test.ExporterTestController;
import io.camunda.zeebe.protocol.record.Record;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;

/**
 * The exporter in-process, with the exporter API's test kit, on real records of the embedded engine
 * and a real PostgreSQL migrated by the application's migrations: it writes the rows the
 * application's feed consumer writes for the same records, and after a restart from a position
 * behind its last commit (a broker that stopped before acknowledging) it goes on without gaps or
 * duplicates.
 */
class AuditExporterTest {
  /** Every table the projection writes, with its order. */
  static final Map<String, String> TABLES =
      Map.of(
          "audit_entry", "partition_id, position",
          "audit_chain_head", "partition_id",
          "history_process_instance", "process_instance_key",
          "history_element_instance", "element_instance_key",
          "history_user_task", "user_task_key",
          "history_incident", "incident_key",
          "history_message_correlation", "partition_id, position",
          "history_decision_evaluation", "decision_evaluation_key");

  static EmbeddedPostgres postgres;
  static List<Record<?>> records;
  static long dealInstance;

  @BeforeAll
  static void runADealAndMigrateTwoDatabases(@TempDir final Path data) throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database exported");
      s.execute("create database fed");
      s.execute("create database legacy");
      s.execute("create database notified");
      s.execute("create database fromjson");
      s.execute("create database typed");
    }
    for (final String database :
        List.of("exported", "fed", "legacy", "notified", "fromjson", "typed")) {
      Flyway.configure()
          .dataSource(url(database), "postgres", "postgres")
          .locations("filesystem:../api/src/main/resources/db/migration")
          .load()
          .migrate();
    }
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        AuditedProcesses processes = new AuditedProcesses(engine)) {
      dealInstance = processes.runDeal("D-EXPORT-1");
      engine.awaitProcessed(AuditedProcesses.WAIT);
      records = processes.records();
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void writesTheRowsOfTheFeedConsumerAndResumesWithoutGapsOrDuplicates() throws Exception {
    // given the application's feed consumer's rows for every record of the log, written as its
    // feed hands them over: in batches (here of 37, to cut the log at odd places), one transaction
    // each
    final AuditProjection projection = new AuditProjection();
    try (Connection fed = connect("fed")) {
      fed.setAutoCommit(false);
      for (int from = 0; from < records.size(); from += 37) {
        projection.applyAll(fed, records.subList(from, Math.min(records.size(), from + 37)));
        fed.commit();
      }
    }

    // when the exporter exports the first half, as a broker filters and hands over records
    final int half = records.size() / 2;
    final ExporterTestController controller = new ExporterTestController();
    final AuditExporter first = new AuditExporter();
    final ExporterTestContext context = context(url("exported"));
    first.configure(context);
    first.open(controller);
    exportAll(first, context.getRecordFilter(), records.subList(0, half));
    first.close();
    final long halfway = records.get(half - 1).getPosition();
    assertThat(controller.getPosition()).isLessThanOrEqualTo(halfway).isPositive();

    // and restarts from a position a quarter back, as if the broker stopped before acknowledging
    final long acknowledged = records.get(half / 2).getPosition();
    final ExporterTestController restarted = new ExporterTestController();
    restarted.updateLastExportedRecordPosition(acknowledged);
    final AuditExporter second = new AuditExporter();
    final ExporterTestContext secondContext = context(url("exported"));
    second.configure(secondContext);
    second.open(restarted);
    // it moves on from its database's head
    assertThat(restarted.getPosition()).isGreaterThan(acknowledged);
    exportAll(
        second, secondContext.getRecordFilter(), records.subList(half / 2 + 1, records.size()));
    second.close();

    // then every audited record is there once, with the rows the feed consumer wrote
    final List<Long> audited =
        records.stream().filter(AuditProjection::audited).map(Record::getPosition).toList();
    assertThat(restarted.getPosition()).isEqualTo(audited.getLast());
    assertThat(rows("exported", "select position from audit_entry order by position"))
        .containsExactlyElementsOf(audited.stream().map(String::valueOf).toList());
    for (final var table : TABLES.entrySet()) {
      final String query = "select * from " + table.getKey() + " order by " + table.getValue();
      assertThat(rows("exported", query)).as(table.getKey()).isEqualTo(rows("fed", query));
    }
    // and the history has every kind of row the deal produced, the views over the chain included
    for (final String table : TABLES.keySet()) {
      assertThat(rows("exported", "select 1 from " + table)).as(table).isNotEmpty();
    }
    for (final String view : List.of("history_event", "history_variable")) {
      assertThat(rows("exported", "select 1 from " + view)).as(view).isNotEmpty();
    }
  }

  @Test
  void announcesEachUserTaskChangeOnTheTaskEventsChannelWhenItsRowsAreCommitted() throws Exception {
    // given an application listening on the channel of the task events
    try (Connection listener = connect("notified")) {
      try (Statement listen = listener.createStatement()) {
        listen.execute("LISTEN " + AuditProjection.TASK_EVENTS_CHANNEL);
      }

      // when the exporter exports the deal, whose approval task was created, assigned, completed
      final ExporterTestController controller = new ExporterTestController();
      final AuditExporter exporter = new AuditExporter();
      final ExporterTestContext context = context(url("notified"));
      exporter.configure(context);
      exporter.open(controller);
      exportAll(exporter, context.getRecordFilter(), records);
      exporter.close();

      // then the listener hears each change of the task, with its key, once its rows are there
      final String task =
          rows("notified", "select user_task_key from history_user_task").getFirst();
      final List<String> heard = new ArrayList<>();
      final org.postgresql.PGConnection postgres =
          listener.unwrap(org.postgresql.PGConnection.class);
      final long deadline = System.currentTimeMillis() + 10_000;
      while (heard.size() < 3 && System.currentTimeMillis() < deadline) {
        final org.postgresql.PGNotification[] notifications = postgres.getNotifications(500);
        if (notifications != null) {
          for (final org.postgresql.PGNotification n : notifications) {
            heard.add(n.getParameter());
          }
        }
      }
      assertThat(heard).hasSize(3);
      assertThat(heard)
          .allSatisfy(payload -> assertThat(payload).contains("\"id\":\"" + task + "\""));
      assertThat(heard.stream().map(p -> p.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")))
          .containsExactly("task.created", "task.assigned", "task.completed");
    }
  }

  @Test
  void theBackfillMigrationRebuildsTheReplayOfInstancesAuditedBeforeTheHistoryExisted()
      throws Exception {
    // given the chain and history of the deal, as the projection writes them
    final AuditProjection projection = new AuditProjection();
    try (Connection legacy = connect("legacy")) {
      legacy.setAutoCommit(false);
      for (final Record<?> record : records) {
        projection.apply(legacy, record);
        legacy.commit();
      }
    }
    final List<String> replayTables =
        List.of("history_process_instance", "history_element_instance");
    final Map<String, List<String>> projected = new java.util.HashMap<>();
    for (final String table : replayTables) {
      projected.put(table, rows("legacy", replay(table, TABLES.get(table))));
    }
    // and the replay's events as the view over the chain shows them (V20)
    final List<String> viewed = rows("legacy", replay("history_event", "partition_id, position"));

    // when only the chain is left (entries audited before V14) and the backfill runs again
    final List<String> backfilled = new ArrayList<>();
    try (Connection legacy = connect("legacy");
        Statement s = legacy.createStatement()) {
      for (final String table : replayTables) {
        s.execute("delete from " + table);
      }
      // it writes the events into the table V20 replaced by the view: a temporary table of that
      // shape, which this connection finds before the view, takes them
      s.execute(
          "create temporary table history_event as select * from public.history_event with no data");
      s.execute("alter table pg_temp.history_event alter column value type jsonb");
      s.execute(
          java.nio.file.Files.readString(
              Path.of("../api/src/main/resources/db/migration/V14_2__audit_history_backfill.sql")));
      try (ResultSet rs =
          s.executeQuery(replay("pg_temp.history_event", "partition_id, position"))) {
        while (rs.next()) {
          backfilled.add(rs.getString(1));
        }
      }
    }

    // then it rebuilds exactly the rows the projection wrote
    for (final String table : replayTables) {
      assertThat(rows("legacy", replay(table, TABLES.get(table))))
          .as(table)
          .isNotEmpty()
          .isEqualTo(projected.get(table));
    }
    // and exactly the events the view reads from the chain
    assertThat(backfilled).isNotEmpty().isEqualTo(viewed);
  }

  /**
   * A replay table's rows, each as one JSON object: the backfill wrote an event's value as
   * PostgreSQL prints it from jsonb, the view shows it as the engine wrote it, so values compare as
   * JSON.
   */
  private static String replay(final String table, final String order) {
    return "select to_jsonb(t) from " + table + " t order by " + order;
  }

  @Test
  void aRecordIsNotAcknowledgedUntilItsTransactionCommitted() throws Exception {
    // given an exporter whose database refuses the connection
    final AuditExporter exporter = new AuditExporter();
    final ExporterTestContext context = context(url("missing"));
    exporter.configure(context);
    final ExporterTestController controller = new ExporterTestController();
    exporter.open(controller);
    final Record<?> record =
        records.stream().filter(AuditProjection::audited).findFirst().orElseThrow();

    // when it exports, it fails (the broker retries the record) and acknowledges nothing
    assertThatThrownBy(() -> exporter.export(record)).hasMessageContaining("retries");
    assertThat(controller.getPosition()).isEqualTo(-1);
    exporter.close();
  }

  @Test
  void readingProcessInstanceAndVariableRecordsThroughTheirGettersWritesTheRowsTheirJsonGives()
      throws Exception {
    // the projection as it runs, and the same projection reading every record's value from its JSON
    for (final var projection :
        Map.of("typed", new AuditProjection(), "fromjson", new AuditProjection(true)).entrySet()) {
      try (Connection connection = connect(projection.getKey())) {
        connection.setAutoCommit(false);
        projection.getValue().applyAll(connection, records);
        connection.commit();
      }
    }

    // the same rows, hashes included, in every table; and the deal had both kinds of record
    for (final var table : TABLES.entrySet()) {
      final String query = "select * from " + table.getKey() + " order by " + table.getValue();
      assertThat(rows("typed", query)).as(table.getKey()).isEqualTo(rows("fromjson", query));
    }
    assertThat(
            rows(
                "typed",
                "select distinct value_type from audit_entry"
                    + " where value_type in ('PROCESS_INSTANCE', 'VARIABLE') order by 1"))
        .containsExactly("PROCESS_INSTANCE", "VARIABLE");
    assertThat(
            rows(
                "typed",
                "select count(*) from history_process_instance"
                    + " where parent_process_instance_key is not null"))
        .as("called processes, whose rows carry their parents")
        .isNotEqualTo(List.of("0"));
  }

  @Test
  void refusesAConfigurationWithoutAPostgresUrl() {
    assertThatThrownBy(() -> new AuditExporter().configure(context(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("args.url");
    assertThatThrownBy(() -> new AuditExporter().configure(context("jdbc:h2:mem:audit")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PostgreSQL");
  }

  private static void exportAll(
      final AuditExporter exporter,
      final Context.RecordFilter filter,
      final List<Record<?>> batch) {
    for (final Record<?> record : batch) {
      if (filter.acceptType(record.getRecordType()) && filter.acceptValue(record.getValueType())) {
        exporter.export(record);
      }
    }
  }

  private static ExporterTestContext context(final String url) {
    final Map<String, Object> args = new java.util.HashMap<>();
    if (url != null) {
      args.put("url", url);
    }
    args.put("user", "postgres");
    args.put("password", "postgres");
    return new ExporterTestContext()
        .setPartitionId(EmbeddedEngine.PARTITION_ID)
        .setConfiguration(new ExporterTestConfiguration<>("openmineralaudit", args, a -> a));
  }

  private static String url(final String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  private static Connection connect(final String database) throws SQLException {
    return postgres.getDatabase("postgres", database).getConnection();
  }

  private static List<String> rows(final String database, final String query) throws SQLException {
    final List<String> rows = new ArrayList<>();
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      final int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        final StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
