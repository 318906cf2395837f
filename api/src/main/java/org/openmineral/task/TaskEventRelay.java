package org.openmineral.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openmineral.audit.AuditProjection;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The inbox's live task events against a Camunda cluster: the audit exporter, running in the
 * broker, projects user-task records into PostgreSQL and announces each change on {@link
 * AuditProjection#TASK_EVENTS_CHANNEL} in the same transaction; this relay LISTENs on one
 * connection of its own and publishes each notification as a {@code task.*} {@link DomainEvent}.
 * (With the embedded engine the record feed publishes them and no relay runs.)
 *
 * <p>With Redis ({@code exclusive}) the events reach every application instance through it, so only
 * one instance relays: the one holding a session-level advisory lock, which PostgreSQL releases
 * when that instance's connection ends; the others try again every {@code retry}. Without Redis
 * every instance relays to its own listeners. A lost connection is opened again after {@code
 * retry}; notifications sent meanwhile are missed, as events may be (clients re-read the inbox).
 */
public final class TaskEventRelay implements SmartLifecycle {
  /** The advisory lock of the relaying instance ("om-task" in ASCII). */
  static final long RELAY_LOCK = 0x6f6d2d7461736bL;

  private static final Logger LOG = LoggerFactory.getLogger(TaskEventRelay.class);
  private static final int POLL_MILLIS = 1_000;

  private final DataSource dataSource;
  private final DomainEvents events;
  private final ObjectMapper json;
  private final boolean exclusive;
  private final Duration retry;
  private volatile boolean running;
  private volatile CountDownLatch listening = new CountDownLatch(1);
  private Thread thread;

  public TaskEventRelay(
      final DataSource dataSource,
      final DomainEvents events,
      final ObjectMapper json,
      final boolean exclusive,
      final Duration retry) {
    this.dataSource = dataSource;
    this.events = events;
    this.json = json;
    this.exclusive = exclusive;
    this.retry = retry;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().daemon().name("task-event-relay").start(this::relay);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      try {
        // the loop ends within a poll (or a pause) and releases its connection on the way out
        if (!thread.join(Duration.ofMillis(POLL_MILLIS + retry.toMillis() + 2_000))) {
          thread.interrupt();
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Waits until the relay listens (for tests and health); false on timeout. */
  public boolean awaitListening(final Duration timeout) throws InterruptedException {
    return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void relay() {
    while (running) {
      boolean relayed = false;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        if (!exclusive || holdRelayLock(connection)) {
          relayed = true;
          try {
            listen(connection);
          } finally {
            release(connection);
          }
        }
      } catch (final SQLException e) {
        if (running) {
          LOG.warn("Task event relay lost its connection; listening again in {}", retry, e);
          pause();
        }
      }
      if (!relayed && running) {
        pause(); // another instance relays: try for the lock again later
      }
    }
  }

  private void listen(final Connection connection) throws SQLException {
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN " + AuditProjection.TASK_EVENTS_CHANNEL);
    }
    LOG.info(
        "Relaying task events from PostgreSQL channel {}", AuditProjection.TASK_EVENTS_CHANNEL);
    listening.countDown();
    final PGConnection postgres = connection.unwrap(PGConnection.class);
    while (running) {
      final PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (final PGNotification notification : notifications) {
          publish(notification.getParameter());
        }
      }
    }
  }

  /**
   * Leaves the channel and the relay lock before the connection goes back to the pool, where the
   * session (and with it both) would otherwise live on.
   */
  private void release(final Connection connection) {
    listening = new CountDownLatch(1);
    try (Statement release = connection.createStatement()) {
      release.execute("UNLISTEN *");
      release.execute("select pg_advisory_unlock_all()");
    } catch (final SQLException e) {
      LOG.debug("Task event relay could not release its connection cleanly", e);
    }
  }

  /** Takes the relay lock on this connection's session if nobody holds it. */
  private static boolean holdRelayLock(final Connection connection) throws SQLException {
    try (Statement lock = connection.createStatement();
        ResultSet rs = lock.executeQuery("select pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private void pause() {
    try {
      Thread.sleep(retry);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Publishes one notification's event; a payload that is not one is logged and dropped. */
  void publish(final String payload) {
    try {
      final JsonNode event = json.readTree(payload);
      final String type = event.path("type").asText("");
      final String id = event.path("id").asText("");
      if (!type.startsWith("task.") || id.isEmpty()) {
        LOG.warn("Ignoring a task notification that is no task event: {}", payload);
        return;
      }
      final Instant at =
          event.hasNonNull("at") ? Instant.parse(event.get("at").asText()) : Instant.now();
      events.publish(new DomainEvent(type, id, at));
    } catch (final java.io.IOException | java.time.DateTimeException e) {
      LOG.warn("Ignoring an unreadable task notification: {}", payload, e);
    }
  }
}
