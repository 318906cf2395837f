package org.openmineral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
}
