package org.openmineral.hedging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openmineral.ApplicationTest;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.task.UserTaskCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs {@code hedging} on the application's embedded engine with its real workers and observes it
 * through the engine's record feed and the hedge tables.
 */
abstract class HedgingProcessSupport extends ApplicationTest {
  static final String PROCESS = "hedging";
  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired UserTaskCommands userTasks;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  final List<Record<?>> records = new CopyOnWriteArrayList<>();
  private FeedSubscription feed;

  @BeforeEach
  void subscribe() {
    feed = engine.recordFeed().subscribe(getClass().getSimpleName(), -1, records::add);
  }

  @AfterEach
  void unsubscribe() {
    feed.close();
  }

  static String newDealId() {
    return "DEAL-" + UUID.randomUUID();
  }

  LocalDate today() {
    return LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
  }

  static Map<String, Object> fixedOn(final LocalDate date) {
    return Map.of("type", "FIXED", "fixedOn", date.toString());
  }

  static Map<String, Object> leg(
      final String dealId,
      final String metal,
      final String direction,
      final int quantity,
      final Map<String, Object> pricing) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("dealId", dealId);
    variables.put("metal", metal);
    variables.put("direction", direction);
    variables.put("payableQuantity", quantity);
    variables.put("unit", "TONNE");
    variables.put("pricing", pricing);
    return variables;
  }

  long start(final Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  List<Map<String, Object>> hedgesOf(final String dealId) {
    return jdbc.queryForList("select * from hedge where deal_id = ? order by created_at", dealId);
  }

  List<Map<String, Object>> rollsOf(final Object hedgeId) {
    return jdbc.queryForList(
        "select fixing_date, lots_fixed from hedge_roll where hedge_id = ? order by id",
        UUID.fromString(hedgeId.toString()));
  }

  static boolean isEvent(final Record<?> r, final ValueType type, final Intent intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  static boolean isJob(final Record<?> r, final String type) {
    return isEvent(r, ValueType.JOB, JobIntent.CREATED)
        && ((JobRecordValue) r.getValue()).getType().equals(type);
  }

  static boolean ofInstance(final Record<?> r, final long instance) {
    return r.getValue() instanceof ProcessInstanceRelated related
        && related.getProcessInstanceKey() == instance;
  }

  List<Record<?>> matching(final Predicate<Record<?>> predicate) {
    return records.stream().filter(predicate).toList();
  }

  Record<?> await(final int count, final Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> matching(predicate), found -> found.size() >= count)
        .get(count - 1);
  }

  Record<?> await(final Predicate<Record<?>> predicate) {
    return await(1, predicate);
  }

  long awaitUserTask(final long instance, final String elementId) {
    return await(
            r ->
                isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                    && ofInstance(r, instance)
                    && ((UserTaskRecordValue) r.getValue()).getElementId().equals(elementId))
        .getKey();
  }

  UserTaskRecordValue userTask(final long key) {
    return (UserTaskRecordValue)
        await(r -> isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED) && r.getKey() == key)
            .getValue();
  }

  String awaitVariable(final long instance, final String name) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> variables(instance).get(name), v -> v != null)
        .asText();
  }

  static Predicate<Record<?>> elementCompleted(final long instance, final String elementId) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && ofInstance(r, instance)
            && ((ProcessInstanceRecordValue) r.getValue()).getElementId().equals(elementId);
  }

  static Predicate<Record<?>> instanceCompleted(final long instance) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && r.getKey() == instance
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                == BpmnElementType.PROCESS;
  }

  /** The process-level variables of {@code instance} as last written, by name. */
  Map<String, JsonNode> variables(final long instance) {
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
