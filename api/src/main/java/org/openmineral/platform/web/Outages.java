package org.openmineral.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "a dependency is down for a while" rather than "this request or job is
 * wrong": the database unreachable or out of connections, a connection refused or lost (SQLState
 * class 08), a service that said it is unavailable ({@link ServiceUnavailable}: Redis locks, the
 * sanctions lists). HTTP answers them with 503 and jobs retry them without using up their retries.
 *
 * <p>A {@linkplain #isConcurrencyConflict concurrency conflict} (a deadlock, a lock not granted) is
 * not an outage, although Spring counts it among the transient failures: the database is up, it
 * rolled back one of two transactions that wanted the same rows, and the same work run again goes
 * through at once.
 */
public final class Outages {
  private Outages() {}

  /**
   * Whether {@code failure} or one of its causes is the database rolling the work back because
   * concurrent work held the same rows: a deadlock, a lock not granted in time or at once, a
   * serialization failure (Spring's {@link PessimisticLockingFailureException}; SQLState 40P01,
   * 55P03, 40001).
   */
  public static boolean isConcurrencyConflict(final Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause()) {
      if (cause instanceof PessimisticLockingFailureException
          || cause instanceof SQLException sql
              && sql.getSQLState() != null
              && CONFLICT_STATES.contains(sql.getSQLState())) {
        return true;
      }
      depth++;
    }
    return false;
  }

  private static final Set<String> CONFLICT_STATES = Set.of("40P01", "55P03", "40001");

  /** Whether {@code failure} or one of its causes is an outage of a dependency. */
  public static boolean isOutage(final Throwable failure) {
    return outage(failure) != null;
  }

  /** The outage's message, or the failure's when there is none. */
  public static String describe(final Throwable failure) {
    final Throwable outage = outage(failure);
    final Throwable described = outage == null ? failure : outage;
    return described.getClass().getSimpleName() + ": " + described.getMessage();
  }

  /** Whether the outage is the database's or a connection's, not a {@link ServiceUnavailable}. */
  public static boolean isDatabaseOutage(final Throwable failure) {
    final Throwable outage = outage(failure);
    return outage != null && !(outage instanceof ServiceUnavailable);
  }

  /**
   * SQLState class 08 (connection exception: refused, closed, lost mid-transaction) and 57P01-03
   * (the server shutting down, crashed, or not accepting connections yet).
   */
  private static boolean connectionLost(final String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /**
   * A rollback that failed on the JDBC connection: the pool had already closed the connection
   * because the server went away mid-transaction (HikariCP then answers "Connection is closed" with
   * no SQLState, and the rollback failure replaces the query's own connection error).
   */
  private static boolean rollbackOnClosedConnection(final Throwable failure) {
    return failure instanceof TransactionException
        && failure.getMessage() != null
        && failure.getMessage().startsWith("Unable to rollback")
        && failure.getCause() instanceof SQLException;
  }

  private static Throwable outage(final Throwable failure) {
    if (isConcurrencyConflict(failure)) {
      return null;
    }
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientException
          || cause instanceof ConnectException
          || cause instanceof ServiceUnavailable
          || cause instanceof SQLException sql && connectionLost(sql.getSQLState())
          || rollbackOnClosedConnection(cause)) {
        return cause;
      }
      depth++;
    }
    return null;
  }
}
