package org.openmineral.audit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;

/**
 * Runs, on the embedded engine, a deal that touches every kind of record the audit history keeps: a
 * DMN decision, a Camunda user task assigned and completed, a service task whose job fails into an
 * incident that is resolved, a message correlated to a catch event, a call activity, and a timer;
 * and collects every record of the log.
 */
final class AuditedProcesses implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final List<Record<?>> records = new CopyOnWriteArrayList<>();
  private final FeedSubscription feed;

  AuditedProcesses(final EmbeddedEngine engine) {
    this.engine = engine;
    final URI address = URI.create(engine.grpcAddress());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .applyEnvironmentVariableOverrides(false)
            .build();
    feed = engine.recordFeed().subscribe("audit-test", -1, records::add);
    client
        .newDeployResourceCommand()
        .addProcessModel(deal(), "audited-deal.bpmn")
        .addProcessModel(settlement(), "audited-settlement.bpmn")
        .addResourceBytes(DECISION.getBytes(StandardCharsets.UTF_8), "deal-class.dmn")
        .send()
        .join();
  }

  /** start → decision → approval → booking (job) → confirmation (message) → settlement (call). */
  static BpmnModelInstance deal() {
    return Bpmn.createExecutableProcess("audited-deal")
        .startEvent("start")
        .businessRuleTask(
            "classify", t -> t.zeebeCalledDecisionId("deal-class").zeebeResultVariable("dealClass"))
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("desk-head"))
        .serviceTask("book", t -> t.zeebeJobType("audit-test.book"))
        .intermediateCatchEvent(
            "confirmed",
            e -> e.message(m -> m.name("deal-confirmed").zeebeCorrelationKeyExpression("dealId")))
        .callActivity("settle", c -> c.zeebeProcessId("audited-settlement"))
        .endEvent("end")
        .done();
  }

  /** start → wait one minute (timer) → invoice (job) → end. */
  static BpmnModelInstance settlement() {
    return Bpmn.createExecutableProcess("audited-settlement")
        .startEvent("settlement-start")
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1M"))
        .serviceTask("invoice", t -> t.zeebeJobType("audit-test.invoice"))
        .endEvent("settlement-end")
        .done();
  }

  static final String DECISION =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="deal-class-drg"
          name="Deal class" namespace="https://openmineral.org/dmn/test">
        <decision id="deal-class" name="Deal class">
          <decisionTable id="deal-class-table" hitPolicy="FIRST">
            <input id="amount-input" label="Amount">
              <inputExpression id="amount-expression" typeRef="number">
                <text>amount</text>
              </inputExpression>
            </input>
            <output id="class-output" name="class" typeRef="string"/>
            <rule id="large">
              <inputEntry id="large-amount"><text>&gt;= 1000000</text></inputEntry>
              <outputEntry id="large-class"><text>"LARGE"</text></outputEntry>
            </rule>
            <rule id="small">
              <inputEntry id="small-amount"><text>-</text></inputEntry>
              <outputEntry id="small-class"><text>"SMALL"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  /** Runs one deal to its end; returns its process instance key. */
  long runDeal(final String dealId) throws Exception {
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("audited-deal")
            .latestVersion()
            .variables(Map.of("dealId", dealId, "amount", 2_500_000))
            .send()
            .join()
            .getProcessInstanceKey();

    final long userTask =
        await(event(ValueType.USER_TASK, UserTaskIntent.CREATED).and(ofInstance(instance)))
            .getKey();
    engine.userTasks().assign(userTask, "desk-head");
    engine.userTasks().complete(userTask, "{\"approved\": true, \"approvalComment\": \"fine\"}");

    // the booking fails without retries: an incident, resolved after the retries are restored
    final ActivatedJob failing = activate("audit-test.book");
    client.newFailCommand(failing.getKey()).retries(0).errorMessage("ledger down").send().join();
    final long incident =
        await(event(ValueType.INCIDENT, IncidentIntent.CREATED).and(ofInstance(instance))).getKey();
    client.newUpdateRetriesCommand(failing.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident).send().join();
    final ActivatedJob booking = activate("audit-test.book");
    client
        .newCompleteCommand(booking.getKey())
        .variables(Map.of("bookingId", "B-" + dealId))
        .send()
        .join();

    await(elementActivated(instance, "confirmed"));
    client
        .newPublishMessageCommand()
        .messageName("deal-confirmed")
        .correlationKey(dealId)
        .variables(Map.of("confirmedBy", "counterparty"))
        .send()
        .join();

    final Record<?> child =
        await(
            event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .and(
                    r -> {
                      final ProcessInstanceRecordValue v =
                          (ProcessInstanceRecordValue) r.getValue();
                      return v.getBpmnElementType() == BpmnElementType.PROCESS
                          && v.getParentProcessInstanceKey() == instance;
                    }));
    await(elementActivated(child.getKey(), "wait"));
    engine.increaseTime(Duration.ofMinutes(2));
    final ActivatedJob invoice = activate("audit-test.invoice");
    client.newCompleteCommand(invoice.getKey()).send().join();
    await(
        event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            .and(r -> r.getKey() == instance));
    return instance;
  }

  List<Record<?>> records() {
    return List.copyOf(records);
  }

  private ActivatedJob activate(final String type) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(1)
                    .workerName("audit-test")
                    .send()
                    .join()
                    .getJobs(),
            jobs -> !jobs.isEmpty())
        .getFirst();
  }

  Record<?> await(final Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> records.stream().filter(predicate).findFirst().orElse(null), r -> r != null);
  }

  static Predicate<Record<?>> event(final ValueType valueType, final Intent intent) {
    return r ->
        r.getRecordType() == RecordType.EVENT
            && r.getValueType() == valueType
            && r.getIntent() == intent;
  }

  static Predicate<Record<?>> ofInstance(final long instance) {
    return r ->
        r.getValue() instanceof ProcessInstanceRelated related
            && related.getProcessInstanceKey() == instance;
  }

  static Predicate<Record<?>> elementActivated(final long instance, final String elementId) {
    return event(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .and(
            r -> {
              final ProcessInstanceRecordValue v = (ProcessInstanceRecordValue) r.getValue();
              return v.getProcessInstanceKey() == instance && v.getElementId().equals(elementId);
            });
  }

  @Override
  public void close() {
    feed.close();
    client.close();
  }
}
