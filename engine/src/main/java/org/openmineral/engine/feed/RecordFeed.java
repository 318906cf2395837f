package org.openmineral.engine.feed;

import io.camunda.zeebe.logstreams.log.LogStream;
import java.util.Objects;

/**
 * The ordered, resumable feed of every record the engine writes: commands, events and rejections.
 * Each subscription reads the log itself from a position its subscriber stored, on its own thread,
 * so a slow subscriber lags behind without holding records in memory or slowing the engine.
 */
public final class RecordFeed {
  private final LogStream logStream;

  public RecordFeed(final LogStream logStream) {
    this.logStream = Objects.requireNonNull(logStream);
  }

  /**
   * Starts delivering records after {@code afterPosition} (use -1 for the start of the log).
   *
   * @param name names the subscription's thread and log lines
   */
  public FeedSubscription subscribe(
      final String name, final long afterPosition, final RecordHandler handler) {
    final FeedSubscription subscription =
        new FeedSubscription(name, logStream, afterPosition, handler);
    subscription.start();
    return subscription;
  }
}
