package org.openmineral.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements of one projection transaction: run at once, or deferred and sent as one JDBC batch
 * per statement text at {@link #flush()}, each batch in the order its rows were added. Only inserts
 * into tables that nothing else in the transaction reads or changes before the flush may be
 * deferred (a statement that does must {@link #flush()} first), so that deferring changes no row:
 * it saves PostgreSQL a round trip, a parse and an execution per row.
 */
final class Statements implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> deferred = new LinkedHashMap<>();
  private final Map<String, int[]> parameterTypes;

  /**
   * @param parameterTypes each statement's parameter types as learned from the values bound to it,
   *     kept across transactions: a null is bound with the type its parameter had before, so that
   *     PostgreSQL sees one statement, parsed once, rather than one per pattern of nulls
   */
  Statements(final Connection connection, final Map<String, int[]> parameterTypes) {
    this.connection = connection;
    this.parameterTypes = parameterTypes;
  }

  Connection connection() {
    return connection;
  }

  /** Runs the statement now; null arguments are bound as SQL NULL. */
  void run(final String sql, final Object... args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(sql, statement, args);
      statement.executeUpdate();
    }
  }

  /** Adds a row to the statement's batch, sent at the next {@link #flush()}. */
  void defer(final String sql, final Object... args) throws SQLException {
    PreparedStatement statement = deferred.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      deferred.put(sql, statement);
    }
    bind(sql, statement, args);
    statement.addBatch();
  }

  /** Sends every deferred row, statement by statement in the order each was first deferred. */
  void flush() throws SQLException {
    for (final PreparedStatement statement : deferred.values()) {
      statement.executeBatch();
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (final PreparedStatement statement : deferred.values()) {
      try {
        statement.close();
      } catch (final SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    deferred.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private void bind(final String sql, final PreparedStatement statement, final Object... args)
      throws SQLException {
    final int[] types =
        parameterTypes.computeIfAbsent(
            sql,
            ignored -> {
              final int[] unknown = new int[args.length];
              java.util.Arrays.fill(unknown, Types.OTHER);
              return unknown;
            });
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        statement.setNull(i + 1, types[i]);
      } else {
        types[i] = sqlType(args[i], types[i]);
        statement.setObject(i + 1, args[i]);
      }
    }
  }

  /** The SQL type the driver binds a value of this class as; {@code known} for any other. */
  private static int sqlType(final Object value, final int known) {
    return switch (value) {
      case Long ignored -> Types.BIGINT;
      case Integer ignored -> Types.INTEGER;
      case String ignored -> Types.VARCHAR;
      case Boolean ignored -> Types.BOOLEAN;
      case java.time.OffsetDateTime ignored -> Types.TIMESTAMP_WITH_TIMEZONE;
      default -> known;
    };
  }
}
