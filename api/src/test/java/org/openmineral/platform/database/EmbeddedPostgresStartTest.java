package org.openmineral.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded PostgreSQL: commits reach the disk unless told otherwise, server settings from
 * {@code openmineral.database.embedded-server-config} reach the server, its own log is kept beside
 * its data, and a setting it refuses stops the start with PostgreSQL's own message rather than a
 * bare time-out.
 */
class EmbeddedPostgresStartTest {
  @TempDir Path data;

  @Test
  void aServerSettingReachesTheServerAndItsLogIsKept() throws Exception {
    final MockEnvironment environment =
        new MockEnvironment()
            .withProperty("openmineral.data-dir", data.toString())
            .withProperty("openmineral.database.embedded-server-config.work_mem", "7MB");
    try (EmbeddedPostgres postgres =
            new EmbeddedPostgresConfiguration().embeddedPostgres(environment);
        Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rs = connection.createStatement().executeQuery("show work_mem")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("7MB");
    }
    assertThat(Files.readString(data.resolve("postgres.log"))).isNotBlank();
  }

  @Test
  void commitsReachTheDiskByDefault() throws Exception {
    // the library's own default is fsync off (it starts the server with -F)
    final MockEnvironment environment =
        new MockEnvironment().withProperty("openmineral.data-dir", data.toString());
    try (EmbeddedPostgres postgres =
            new EmbeddedPostgresConfiguration().embeddedPostgres(environment);
        Connection connection = postgres.getPostgresDatabase().getConnection()) {
      for (final String setting : new String[] {"fsync", "synchronous_commit"}) {
        try (ResultSet rs = connection.createStatement().executeQuery("show " + setting)) {
          rs.next();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  @Test
  void aSettingTheServerRefusesStopsTheStartWithItsMessage() {
    final MockEnvironment environment =
        new MockEnvironment()
            .withProperty("openmineral.data-dir", data.toString())
            .withProperty("openmineral.database.embedded-startup-wait", "3s")
            .withProperty(
                "openmineral.database.embedded-server-config.shared_buffers", "no-such-size");

    assertThatThrownBy(() -> new EmbeddedPostgresConfiguration().embeddedPostgres(environment))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not start")
        .hasMessageContaining(data.resolve("postgres.log").toString())
        .hasMessageContaining("invalid value for parameter \"shared_buffers\"");
  }
}
