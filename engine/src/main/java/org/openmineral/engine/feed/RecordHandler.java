package org.openmineral.engine.feed;

import io.camunda.zeebe.protocol.record.Record;

/**
 * Receives engine records in log order. If it throws, the same record is offered again after a
 * back-off, so a handler that stores its position with its own writes sees each record once.
 */
@FunctionalInterface
public interface RecordHandler {
  void onRecord(Record<?> record) throws Exception;
}
