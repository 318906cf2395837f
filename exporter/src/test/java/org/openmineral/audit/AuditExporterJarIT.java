package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;
import org.slf4j.LoggerFactory;

/**
 * The packaged {@code target/openmineral-audit-exporter.jar} (after {@code package}), loaded the
 * way a broker loads an exporter: in a class loader of its own whose parent has only what the
 * broker provides (exporter API, protocol, SLF4J, Micrometer), driven through that parent's
 * interfaces. It must bring everything else (projection, PostgreSQL driver, relocated Jackson) and
 * write the rows the projection writes in the application.
 */
class AuditExporterJarIT {
  private static final Path JAR = Path.of("target/openmineral-audit-exporter.jar");

  @Test
  void thePackagedJarExportsInAClassLoaderOfItsOwn(@TempDir final Path data) throws Exception {
    assertThat(JAR).exists();
    final List<Record<?>> records;
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        AuditedProcesses processes = new AuditedProcesses(engine)) {
      processes.runDeal("D-JAR-1");
      engine.awaitProcessed(AuditedProcesses.WAIT);
      records = processes.records();
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database isolated");
        s.execute("create database reference");
      }
      for (final String database : List.of("isolated", "reference")) {
        Flyway.configure()
            .dataSource(postgres.getJdbcUrl("postgres", database), "postgres", "postgres")
            .locations("filesystem:../api/src/main/resources/db/migration")
            .load()
            .migrate();
      }

      // given the jar in its own loader over what a broker provides
      final ClassLoader broker =
          new URLClassLoader(
              new URL[] {
                location(Exporter.class),
                location(Record.class),
                location(LoggerFactory.class),
                location(MeterRegistry.class)
              },
              ClassLoader.getPlatformClassLoader());
      try (URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, broker)) {
        final Class<?> exporterClass = jar.loadClass("org.openmineral.audit.AuditExporter");
        assertThat(exporterClass.getClassLoader()).isSameAs(jar);
        assertThat(jar.loadClass("org.postgresql.Driver").getClassLoader()).isSameAs(jar);
        final Object exporter = exporterClass.getDeclaredConstructor().newInstance();
        final AtomicLong acknowledged = new AtomicLong(-1);

        // when it is configured, opened and fed every record, as the broker would
        final Class<?> contextType =
            broker.loadClass("io.camunda.zeebe.exporter.api.context.Context");
        final Class<?> controllerType =
            broker.loadClass("io.camunda.zeebe.exporter.api.context.Controller");
        final Class<?> recordType = broker.loadClass("io.camunda.zeebe.protocol.record.Record");
        final Class<?> exporterType = broker.loadClass("io.camunda.zeebe.exporter.api.Exporter");
        exporterType
            .getMethod("configure", contextType)
            .invoke(
                exporter,
                context(broker, contextType, postgres.getJdbcUrl("postgres", "isolated")));
        exporterType
            .getMethod("open", controllerType)
            .invoke(exporter, controller(broker, controllerType, acknowledged));
        final Method export = exporterType.getMethod("export", recordType);
        for (final Record<?> record : records) {
          if (AuditProjection.audited(record)) {
            export.invoke(exporter, record(broker, recordType, record));
          }
        }
        exporterType.getMethod("close").invoke(exporter);

        // then it acknowledged the last record and wrote what the projection writes in the app
        final List<Record<?>> audited = records.stream().filter(AuditProjection::audited).toList();
        assertThat(acknowledged.get()).isEqualTo(audited.getLast().getPosition());
      }
      final AuditProjection projection = new AuditProjection();
      try (Connection reference = postgres.getDatabase("postgres", "reference").getConnection()) {
        reference.setAutoCommit(false);
        for (final Record<?> record : records) {
          projection.apply(reference, record);
          reference.commit();
        }
      }
      for (final var table : AuditExporterTest.TABLES.entrySet()) {
        final String query = "select * from " + table.getKey() + " order by " + table.getValue();
        assertThat(rows(postgres, "isolated", query))
            .as(table.getKey())
            .isNotEmpty()
            .isEqualTo(rows(postgres, "reference", query));
      }
    }
  }

  private static URL location(final Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** A Context of the broker's API: partition 1, the JDBC arguments, a logger. */
  private static Object context(final ClassLoader broker, final Class<?> type, final String url)
      throws Exception {
    final Class<?> configurationType =
        broker.loadClass("io.camunda.zeebe.exporter.api.context.Configuration");
    final Object configuration =
        proxy(
            broker,
            configurationType,
            (p, m, a) ->
                switch (m.getName()) {
                  case "getId" -> "openmineralaudit";
                  case "getArguments" ->
                      Map.of("url", url, "user", "postgres", "password", "postgres");
                  default -> throw new UnsupportedOperationException(m.getName());
                });
    final Object logger =
        broker
            .loadClass("org.slf4j.LoggerFactory")
            .getMethod("getLogger", String.class)
            .invoke(null, "audit-exporter-jar");
    return proxy(
        broker,
        type,
        (p, m, a) ->
            switch (m.getName()) {
              case "getConfiguration" -> configuration;
              case "getPartitionId" -> EmbeddedEngine.PARTITION_ID;
              case "getLogger" -> logger;
              case "setFilter" -> null;
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  private static Object controller(
      final ClassLoader broker, final Class<?> type, final AtomicLong acknowledged) {
    return proxy(
        broker,
        type,
        (p, m, a) ->
            switch (m.getName()) {
              case "updateLastExportedRecordPosition" -> {
                acknowledged.set((Long) a[0]);
                yield null;
              }
              case "getLastExportedRecordPosition" -> acknowledged.get();
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  /** The record, seen through the broker's protocol classes. */
  private static Object record(final ClassLoader broker, final Class<?> type, final Record<?> r)
      throws Exception {
    final Class<?> recordTypes = broker.loadClass("io.camunda.zeebe.protocol.record.RecordType");
    final Class<?> valueTypes = broker.loadClass("io.camunda.zeebe.protocol.record.ValueType");
    final Object recordType = enumConstant(recordTypes, r.getRecordType().name());
    final Object valueType = enumConstant(valueTypes, r.getValueType().name());
    final Object intent =
        broker
            .loadClass("io.camunda.zeebe.protocol.record.intent.Intent")
            .getMethod("fromProtocolValue", valueTypes, short.class)
            .invoke(null, valueType, r.getIntent().value());
    final String json = r.toJson();
    return proxy(
        broker,
        type,
        (p, m, a) ->
            switch (m.getName()) {
              case "getRecordType" -> recordType;
              case "getValueType" -> valueType;
              case "getIntent" -> intent;
              case "getPartitionId" -> r.getPartitionId();
              case "getPosition" -> r.getPosition();
              case "getKey" -> r.getKey();
              case "getTimestamp" -> r.getTimestamp();
              case "toJson" -> json;
              case "getValue" -> value(broker, r.getValue());
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  /**
   * The record's value as the broker's protocol types it: the projection reads process-instance and
   * variable values through their getters (answered here from the engine's value, enums as the
   * broker's constants), every other value from the record's JSON.
   */
  private static Object value(final ClassLoader broker, final RecordValue value) throws Exception {
    final Class<?> type =
        broker.loadClass(
            value instanceof ProcessInstanceRecordValue
                ? ProcessInstanceRecordValue.class.getName()
                : value instanceof VariableRecordValue
                    ? VariableRecordValue.class.getName()
                    : RecordValue.class.getName());
    return proxy(
        broker,
        type,
        (p, m, a) -> {
          if (m.getParameterCount() != 0 || m.getDeclaringClass() == RecordValue.class) {
            throw new UnsupportedOperationException(m.getName());
          }
          final Object answer = value.getClass().getMethod(m.getName()).invoke(value);
          return answer instanceof Enum<?> constant
              ? enumConstant(
                  broker.loadClass(constant.getDeclaringClass().getName()), constant.name())
              : answer;
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(final Class<?> type, final String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Object proxy(
      final ClassLoader loader, final Class<?> type, final InvocationHandler handler) {
    return Proxy.newProxyInstance(
        loader,
        new Class<?>[] {type},
        (p, m, a) ->
            switch (m.getName()) {
              case "hashCode" -> System.identityHashCode(p);
              case "equals" -> p == a[0];
              case "toString" -> type.getSimpleName() + " proxy";
              default -> handler.invoke(p, m, a);
            });
  }

  private static List<String> rows(
      final EmbeddedPostgres postgres, final String database, final String query) throws Exception {
    final List<String> rows = new ArrayList<>();
    try (Connection c = postgres.getDatabase("postgres", database).getConnection();
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
