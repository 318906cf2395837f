package org.openmineral.engine.feed;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;

/** Turns a log entry into the protocol's {@link Record}, the same type an exporter receives. */
public final class LoggedRecords {
  private LoggedRecords() {}

  /** A self-contained copy: safe to keep after the reader moves on. */
  public static Record<UnifiedRecordValue> toRecord(
      final LoggedEvent event, final int partitionId) {
    return toRecord(event, metadata(event), partitionId);
  }

  /** As {@link #toRecord(LoggedEvent, int)}, with the event's metadata already read. */
  public static Record<UnifiedRecordValue> toRecord(
      final LoggedEvent event, final RecordMetadata metadata, final int partitionId) {
    final UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(
        value,
        metadata,
        event.getKey(),
        partitionId,
        event.getPosition(),
        event.getSourceEventPosition(),
        event.getTimestamp());
  }

  /** Only the metadata, for scans that look at many records and keep few. */
  public static RecordMetadata metadata(final LoggedEvent event) {
    final RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    return metadata;
  }
}
