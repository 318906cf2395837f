package org.openmineral.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code database} in {@code /actuator/health}: embedded or external, where, and reachable. */
@Component("database")
public class DatabaseHealthIndicator implements HealthIndicator {
  private final DataSource dataSource;
  private final ObjectProvider<EmbeddedPostgres> embedded;
  private final Environment environment;

  public DatabaseHealthIndicator(
      final DataSource dataSource,
      final ObjectProvider<EmbeddedPostgres> embedded,
      final Environment environment) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.environment = environment;
  }

  @Override
  public Health health() {
    final EmbeddedPostgres postgres = embedded.getIfAvailable();
    final Health.Builder health;
    try (Connection connection = dataSource.getConnection()) {
      final DatabaseMetaData meta = connection.getMetaData();
      health =
          (connection.isValid(2) ? Health.up() : Health.down())
              .withDetail(
                  "product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
              .withDetail("url", meta.getURL());
    } catch (final Exception e) {
      return Health.down(e).withDetail("mode", postgres != null ? "embedded" : "external").build();
    }
    if (postgres != null) {
      health
          .withDetail("mode", "embedded")
          .withDetail(
              "dataDirectory",
              java.nio.file.Path.of(environment.getProperty("openmineral.data-dir", "data"))
                  .resolve("postgres")
                  .toAbsolutePath()
                  .toString());
    } else {
      health.withDetail("mode", "external");
    }
    return health.build();
  }
}
