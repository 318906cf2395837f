package org.openmineral.engine.feed;

import io.camunda.zeebe.protocol.record.Record;
import java.util.List;

/**
 * Receives engine records in log order. The feed hands over the records already on the log in
 * batches ({@link #onRecords}); if the handler throws, the whole batch is offered again after a
 * back-off, so a handler that stores its position with its own writes sees each record once.
 */
@FunctionalInterface
public interface RecordHandler {
  void onRecord(Record<?> record) throws Exception;

  /**
   * The records on the log after the last batch, in log order, at most {@link
   * FeedSubscription#MAX_BATCH}: never waits to fill a batch. The default hands them to {@link
   * #onRecord} one after the other; a handler that writes them in one transaction overrides it.
   */
  default void onRecords(final List<Record<?>> records) throws Exception {
    for (final Record<?> record : records) {
      onRecord(record);
    }
  }
}
