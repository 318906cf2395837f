package org.openmineral.engine.feed;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.List;

/**
 * Receives engine records in log order, those it {@link #handles}. The feed hands over the records
 * already on the log in batches ({@link #onRecords}); if the handler throws, the whole batch is
 * offered again after a back-off, so a handler that stores its position with its own writes sees
 * each record once.
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

  /**
   * Whether the handler uses records of this kind, asked of each record's metadata before its value
   * is read: the feed reads the others no further and passes them over (a batch of none is not
   * handed over). The default takes every record.
   */
  default boolean handles(
      final RecordType recordType, final ValueType valueType, final Intent intent) {
    return true;
  }
}
