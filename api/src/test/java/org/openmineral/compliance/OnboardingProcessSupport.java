package org.openmineral.compliance;

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
import java.time.Instant;
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
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.CounterpartyRepository;
import org.openmineral.counterparty.CounterpartyType;
import org.openmineral.counterparty.KycStatus;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.task.UserTaskCommands;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs {@code counterparty-onboarding} on the application's embedded engine with its real workers
 * and observes it through the engine's record feed.
 */
abstract class OnboardingProcessSupport extends ApplicationTest {
  static final String PROCESS = "counterparty-onboarding";
  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired UserTaskCommands userTasks;
  @Autowired ObjectMapper json;
  @Autowired CounterpartyRepository counterparties;

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

  /**
   * A new PENDING counterparty stored without a process (the test starts it), so the process's
   * {@code kyc.record-outcome} tasks have a record to write to; its id is used by no other test, so
   * message correlation stays within one test.
   */
  String newCounterpartyId(
      final String name, final String type, final String country, final List<String> owners) {
    final Counterparty counterparty =
        new Counterparty(
            UUID.randomUUID(),
            name,
            CounterpartyType.valueOf(type),
            country,
            owners,
            true,
            "process-test",
            Instant.now());
    return counterparties.save(counterparty).getId().toString();
  }

  /** The start variables of a counterparty stored by {@link #newCounterpartyId}. */
  Map<String, Object> newCounterparty(
      final String name,
      final String type,
      final String country,
      final List<String> owners,
      final boolean ownershipDisclosed) {
    return counterparty(
        newCounterpartyId(name, type, country, owners),
        name,
        type,
        country,
        owners,
        ownershipDisclosed);
  }

  /** The counterparty's record as the process left it. */
  Counterparty stored(final String id) {
    return counterparties.findById(UUID.fromString(id)).orElseThrow();
  }

  /** Waits until the counterparty's record has KYC status {@code status}. */
  Counterparty awaitStatus(final String id, final KycStatus status) {
    return Awaitility.await().atMost(WAIT).until(() -> stored(id), c -> c.getKycStatus() == status);
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

  static Map<String, Object> counterparty(
      final String id,
      final String name,
      final String type,
      final String country,
      final List<String> owners,
      final boolean ownershipDisclosed) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("counterpartyId", id);
    variables.put("name", name);
    variables.put("type", type);
    variables.put("country", country);
    variables.put("ultimateBeneficialOwners", owners);
    variables.put("ownershipDisclosed", ownershipDisclosed);
    return variables;
  }

  static boolean isEvent(final Record<?> r, final ValueType type, final Intent intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  static boolean ofInstance(final Record<?> r, final long instance) {
    return r.getValue() instanceof ProcessInstanceRelated related
        && related.getProcessInstanceKey() == instance;
  }

  List<Record<?>> matching(final Predicate<Record<?>> predicate) {
    return records.stream().filter(predicate).toList();
  }

  /** Waits until {@code count} records match and returns the last of them. */
  Record<?> await(final int count, final Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> matching(predicate), found -> found.size() >= count)
        .get(count - 1);
  }

  Record<?> await(final Predicate<Record<?>> predicate) {
    return await(1, predicate);
  }

  /** The key of the user task {@code elementId} once the engine created it in {@code instance}. */
  long awaitUserTask(final long instance, final String elementId) {
    return await(
            r ->
                isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                    && ofInstance(r, instance)
                    && ((UserTaskRecordValue) r.getValue()).getElementId().equals(elementId))
        .getKey();
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
