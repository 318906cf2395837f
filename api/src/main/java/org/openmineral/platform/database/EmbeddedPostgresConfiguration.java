package org.openmineral.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A real PostgreSQL run by the application when no {@code spring.datasource.url} is given, with its
 * data under {@code ${openmineral.data-dir}/postgres}, so data survives restarts. Flyway migrates
 * it like any other database. Commits are durable when they return ({@code synchronous_commit=on},
 * property {@code openmineral.database.embedded-synchronous-commit}, and {@code fsync=on}, property
 * {@code openmineral.database.embedded-fsync}), so neither a hard kill of the application and its
 * database nor a lost machine loses anything the engine was told had happened. PostgreSQL's own log
 * is {@code ${openmineral.data-dir}/postgres.log}; if it does not start, the error quotes it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {
  static final String DATABASE = "openmineral";
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(final Environment environment) throws IOException {
    final Path dataDirectory =
        Path.of(environment.getProperty("openmineral.data-dir", "data"))
            .resolve("postgres")
            .toAbsolutePath();
    Files.createDirectories(dataDirectory);
    stopLeftoverServer(dataDirectory);
    final Binder settings = Binder.get(environment);
    final EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(
                environment.getProperty("openmineral.database.embedded-port", Integer.class, 0))
            .setPGStartupWait(
                settings
                    .bind("openmineral.database.embedded-startup-wait", Duration.class)
                    .orElse(Duration.ofSeconds(60)))
            // the library's default is off, which loses the last commits when PostgreSQL is killed:
            // a booked invoice the engine already moved past would be gone
            .setServerConfig(
                "synchronous_commit",
                environment.getProperty("openmineral.database.embedded-synchronous-commit", "on"))
            // the library starts the server with -F (fsync off), which survives a killed process
            // but not a lost machine; a setting comes after -F on the command line, so it wins,
            // and a commit is then on disk when it returns, as the engine's log is (flush-mode)
            .setServerConfig(
                "fsync", environment.getProperty("openmineral.database.embedded-fsync", "on"));
    // any other server setting, e.g. --openmineral.database.embedded-server-config.work_mem=16MB
    settings
        .bind(
            "openmineral.database.embedded-server-config",
            Bindable.mapOf(String.class, String.class))
        .ifBound(server -> server.forEach(builder::setServerConfig));
    // PostgreSQL's own messages (start-up, a refused setting, checkpoints) beside its data
    final Path serverLog = dataDirectory.resolveSibling("postgres.log");
    final long logOffset = Files.exists(serverLog) ? Files.size(serverLog) : 0;
    builder
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
    final EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (final IOException e) {
      throw new IOException(
          "The embedded PostgreSQL did not start ("
              + e.getMessage()
              + "). Its log, "
              + serverLog
              + ", ends with:\n"
              + logSince(serverLog, logOffset),
          e);
    }
    createDatabaseIfMissing(postgres);
    LOG.info(
        "Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), dataDirectory);
    return postgres;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(final EmbeddedPostgres postgres) {
    final HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
    config.setUsername("postgres");
    config.setPoolName("openmineral-embedded");
    config.setMaximumPoolSize(10);
    // fail fast while the database is down: a request waits this long for a connection, then 503
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    return new HikariDataSource(config);
  }

  /** The last lines PostgreSQL wrote to its log after {@code offset}, for an error message. */
  static String logSince(final Path serverLog, final long offset) {
    try {
      final byte[] bytes = Files.readAllBytes(serverLog);
      final int from = (int) Math.min(offset, bytes.length);
      final List<String> lines =
          new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (final IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void createDatabaseIfMissing(final EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      final var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("create database " + DATABASE);
      }
    } catch (final SQLException e) {
      throw new IllegalStateException("cannot create the " + DATABASE + " database", e);
    }
  }

  /**
   * A PostgreSQL left running by a run that was killed (its parent had no chance to stop it) still
   * holds the data directory; stop it cleanly so this run can start its own.
   */
  static void stopLeftoverServer(final Path dataDirectory) {
    final Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    final Optional<ProcessHandle> leftover;
    try {
      final String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      leftover = ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
    } catch (final IOException | NumberFormatException e) {
      return; // stale or unreadable: PostgreSQL itself deals with a stale pid file
    }
    leftover
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
        .ifPresent(
            process -> {
              LOG.warn(
                  "Stopping PostgreSQL (pid {}) left running on {} by an earlier run that ended abruptly.",
                  process.pid(),
                  dataDirectory);
              process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
              try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
              } catch (final Exception e) {
                throw new IllegalStateException(
                    "PostgreSQL pid " + process.pid() + " on " + dataDirectory + " did not stop",
                    e);
              }
            });
  }
}
