package org.openmineral.engine.feed;

import io.camunda.zeebe.logstreams.log.LogRecordAwaiter;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's position in the record feed, advanced by its own daemon thread: whatever is on
 * the log after it that the handler {@link RecordHandler#handles takes}, up to {@link #MAX_BATCH}
 * records at a time, goes to the handler in one call (the others' values are not read). A reader of
 * what the handler writes can wait until it has caught up with the log ({@link #awaitCaughtUp}), so
 * it sees everything the engine had written when it asked.
 */
public final class FeedSubscription implements AutoCloseable {
  /** The most records handed to the handler in one call. */
  public static final int MAX_BATCH = 256;

  /** The most records read for one call, those the handler does not take included. */
  static final int MAX_READ = 8 * MAX_BATCH;

  private static final Logger LOG = LoggerFactory.getLogger(FeedSubscription.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String name;
  private final LogStream logStream;
  private final RecordHandler handler;
  private final Semaphore available = new Semaphore(0);
  private final LogRecordAwaiter awaiter = available::release;
  private final Thread thread;
  private volatile long lastDelivered;
  private volatile boolean closed;
  private volatile Throwable lastError;

  /** Guards {@link #caughtUp}; notified whenever the subscriber finds nothing more to read. */
  private final Object progress = new Object();

  /** How often the subscriber has found the log read to its end, everything handled. */
  private long caughtUp;

  FeedSubscription(
      final String name,
      final LogStream logStream,
      final long afterPosition,
      final RecordHandler handler) {
    this.name = name;
    this.logStream = logStream;
    this.handler = handler;
    lastDelivered = afterPosition;
    thread = Thread.ofPlatform().daemon().name("openmineral-feed-" + name).unstarted(this::run);
  }

  void start() {
    logStream.registerRecordAvailableListener(awaiter);
    thread.start();
  }

  /** Position of the last record the handler accepted. */
  public long lastDeliveredPosition() {
    return lastDelivered;
  }

  /** The handler's last failure while it is still being retried, else null. */
  public Throwable lastError() {
    return lastError;
  }

  private void run() {
    long backoffMillis = 100;
    while (!closed) {
      try (LogStreamReader reader = logStream.newLogStreamReader()) {
        reader.seekToNextEvent(lastDelivered);
        while (!closed) {
          if (!reader.hasNext()) {
            available.drainPermits();
            if (caughtUp(reader)) {
              // woken by the log on new records or by awaitCaughtUp; the timeout is a safety net
              available.tryAcquire(200, TimeUnit.MILLISECONDS);
            }
            continue;
          }
          final List<Record<?>> batch = new ArrayList<>();
          long lastRead = lastDelivered;
          int read = 0;
          while (batch.size() < MAX_BATCH && read < MAX_READ && reader.hasNext()) {
            final LoggedEvent event = reader.next();
            read++;
            lastRead = event.getPosition();
            final RecordMetadata metadata = LoggedRecords.metadata(event);
            if (handler.handles(
                metadata.getRecordType(), metadata.getValueType(), metadata.getIntent())) {
              batch.add(LoggedRecords.toRecord(event, metadata, logStream.getPartitionId()));
            }
          }
          if (!batch.isEmpty()) {
            handler.onRecords(Collections.unmodifiableList(batch));
          }
          lastDelivered = lastRead;
          lastError = null;
          backoffMillis = 100;
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (final Exception e) {
        if (closed) {
          return;
        }
        lastError = e;
        LOG.warn(
            "Record feed '{}' failed after position {}; retrying in {} ms",
            name,
            lastDelivered,
            backoffMillis,
            e);
        try {
          Thread.sleep(backoffMillis);
        } catch (final InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  /**
   * Waits until the handler has handled everything that was on the log when this was called, at
   * most {@code timeout}.
   *
   * @return false if it did not catch up in time (the handler lags or keeps failing), or if the
   *     subscription is closed or the waiting thread interrupted (its flag then stays set)
   */
  public boolean awaitCaughtUp(final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      // the log is read to its end under this lock: a count past this one comes from a look at the
      // log that began after this call
      final long target = caughtUp + 1;
      available.release();
      while (caughtUp < target) {
        final long left = deadline - System.nanoTime();
        if (closed || left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (final InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** True, and waiters told, if the reader has nothing more to read. */
  private boolean caughtUp(final LogStreamReader reader) {
    synchronized (progress) {
      if (reader.hasNext()) {
        return false;
      }
      caughtUp++;
      progress.notifyAll();
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (progress) {
      progress.notifyAll();
    }
    logStream.removeRecordAvailableListener(awaiter);
    available.release();
    try {
      thread.join(MAX_BACKOFF.toMillis() + 1_000);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
