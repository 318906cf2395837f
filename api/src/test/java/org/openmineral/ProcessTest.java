package org.openmineral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.task.UserTaskCommands;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the process tests: runs processes on the application's embedded engine with its real
 * workers and observes them through the engine's record feed, which each test reads from the start.
 */
public abstract class ProcessTest extends ApplicationTest {
  protected static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired protected CamundaClient client;
  @Autowired protected EmbeddedEngine engine;
  @Autowired protected UserTaskCommands userTasks;
  @Autowired protected ObjectMapper json;

  /** Every engine record so far, in log order. */
  protected final List<Record<?>> records = new CopyOnWriteArrayList<>();

  private FeedSubscription feed;

  @BeforeEach
  void subscribeToTheRecordFeed() {
    feed = engine.recordFeed().subscribe(getClass().getSimpleName(), -1, records::add);
  }

  @AfterEach
  void unsubscribeFromTheRecordFeed() {
    feed.close();
  }

  protected static boolean isEvent(final Record<?> r, final ValueType type, final Intent intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  protected static boolean ofInstance(final Record<?> r, final long instance) {
    return r.getValue() instanceof ProcessInstanceRelated related
        && related.getProcessInstanceKey() == instance;
  }

  protected List<Record<?>> matching(final Predicate<Record<?>> predicate) {
    return records.stream().filter(predicate).toList();
  }

  /** Waits until {@code count} records match and returns the last of them. */
  protected Record<?> await(final int count, final Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> matching(predicate), found -> found.size() >= count)
        .get(count - 1);
  }

  protected Record<?> await(final Predicate<Record<?>> predicate) {
    return await(1, predicate);
  }

  /** The key of the user task {@code elementId} once the engine created it in {@code instance}. */
  protected long awaitUserTask(final long instance, final String elementId) {
    return await(
            r ->
                isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                    && ofInstance(r, instance)
                    && ((UserTaskRecordValue) r.getValue()).getElementId().equals(elementId))
        .getKey();
  }

  protected static Predicate<Record<?>> elementCompleted(
      final long instance, final String elementId) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && ofInstance(r, instance)
            && ((ProcessInstanceRecordValue) r.getValue()).getElementId().equals(elementId);
  }

  protected static Predicate<Record<?>> instanceCompleted(final long instance) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && r.getKey() == instance
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                == BpmnElementType.PROCESS;
  }

  /** The process-level variables of {@code instance} as last written, by name. */
  protected Map<String, JsonNode> variables(final long instance) {
    final Map<String, JsonNode> variables = new LinkedHashMap<>();
    for (final Record<?> r : records) {
      if (r.getRecordType() == RecordType.EVENT
          && r.getValueType() == ValueType.VARIABLE
          && r.getValue() instanceof VariableRecordValue v
          && v.getProcessInstanceKey() == instance
          && v.getScopeKey() == instance) {
        try {
          variables.put(v.getName(), json.readTree(v.getValue()));
        } catch (final JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return variables;
  }
}
