package org.openmineral.engine.feed;

import io.camunda.zeebe.logstreams.log.LogRecordAwaiter;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
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
 * the log after it, up to {@link #MAX_BATCH} records at a time, goes to the handler in one call.
 */
public final class FeedSubscription implements AutoCloseable {
  /** The most records handed to the handler in one call. */
  public static final int MAX_BATCH = 256;

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
            if (!reader.hasNext()) {
              // woken by the log on new records; the timeout is only a safety net
              available.tryAcquire(200, TimeUnit.MILLISECONDS);
            }
            continue;
          }
          final List<Record<?>> batch = new ArrayList<>();
          while (batch.size() < MAX_BATCH && reader.hasNext()) {
            final LoggedEvent event = reader.next();
            batch.add(LoggedRecords.toRecord(event, logStream.getPartitionId()));
          }
          handler.onRecords(Collections.unmodifiableList(batch));
          lastDelivered = batch.getLast().getPosition();
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

  @Override
  public void close() {
    closed = true;
    logStream.removeRecordAvailableListener(awaiter);
    available.release();
    try {
      thread.join(MAX_BACKOFF.toMillis() + 1_000);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
