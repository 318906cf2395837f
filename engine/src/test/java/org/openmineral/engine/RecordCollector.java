package org.openmineral.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.openmineral.engine.feed.FeedSubscription;

/** Test helper: keeps every record the feed delivers and waits for the ones a test expects. */
final class RecordCollector implements AutoCloseable {
  private final List<Record<?>> records = new CopyOnWriteArrayList<>();
  private final FeedSubscription subscription;

  RecordCollector(final EmbeddedEngine engine) {
    this(engine, -1);
  }

  RecordCollector(final EmbeddedEngine engine, final long afterPosition) {
    subscription = engine.recordFeed().subscribe("test", afterPosition, records::add);
  }

  List<Record<?>> records() {
    return records;
  }

  Record<?> await(final String description, final Predicate<Record<?>> predicate) {
    return org.awaitility.Awaitility.await()
        .alias(description)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> records.stream().filter(predicate).findFirst().orElse(null), r -> r != null);
  }

  static Predicate<Record<?>> event(final ValueType valueType, final Intent intent) {
    return r ->
        r.getRecordType() == RecordType.EVENT
            && r.getValueType() == valueType
            && r.getIntent() == intent;
  }

  static Predicate<Record<?>> processCompleted(final long processInstanceKey) {
    return r ->
        event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED).test(r)
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                == BpmnElementType.PROCESS
            && r.getKey() == processInstanceKey;
  }

  static Predicate<Record<?>> elementActivated(
      final long processInstanceKey, final String elementId) {
    return r ->
        event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED).test(r)
            && ((ProcessInstanceRecordValue) r.getValue()).getProcessInstanceKey()
                == processInstanceKey
            && ((ProcessInstanceRecordValue) r.getValue()).getElementId().equals(elementId);
  }

  @Override
  public void close() {
    subscription.close();
  }
}
