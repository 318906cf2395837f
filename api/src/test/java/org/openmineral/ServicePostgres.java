package org.openmineral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Databases of their own on the PostgreSQL service (127.0.0.1:5432, user postgres), for tests that
 * need one apart from the embedded database the application tests share: created empty before the
 * test, dropped after it, connections closed by force.
 */
public final class ServicePostgres {
  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String USER = "postgres";

  private ServicePostgres() {}

  /** The JDBC URL of the database. */
  public static String url(final String database) {
    return SERVER + database;
  }

  public static Connection connect(final String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, "");
  }

  /** Drops the database if a run before left it, and creates it empty. */
  public static void recreate(final String database) throws SQLException {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    }
  }

  /** Drops the database, closing whatever connections are still open to it. */
  public static void drop(final String database) throws SQLException {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
    }
  }

  /**
   * A real "lock not granted" (SQLState 55P03), as Spring's JdbcTemplate reports it: in a database
   * of its own, created and dropped here, one connection holds a row for update and another asks
   * for it with {@code nowait}.
   */
  public static RuntimeException lockNotGranted() throws SQLException {
    final String database = "openmineral_lock_" + Long.toUnsignedString(System.nanoTime());
    recreate(database);
    try (Connection holder = connect(database);
        SingleConnectionDataSource other =
            new SingleConnectionDataSource(url(database), USER, "", true)) {
      try (Statement statement = holder.createStatement()) {
        statement.execute("create table locked_row (id int primary key)");
        statement.execute("insert into locked_row values (1)");
      }
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute("select id from locked_row where id = 1 for update");
      }
      try {
        new JdbcTemplate(other)
            .queryForList("select id from locked_row where id = 1 for update nowait");
      } catch (final RuntimeException failure) {
        return failure;
      } finally {
        holder.rollback();
      }
      throw new AssertionError("the second connection got the row the first one holds");
    } finally {
      drop(database);
    }
  }
}
