package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmineral.engine.RecordCollector.elementActivated;
import static org.openmineral.engine.RecordCollector.event;
import static org.openmineral.engine.RecordCollector.processCompleted;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmineral.engine.usertask.UserTaskCommandRejected;

class EmbeddedEngineTest {
  @TempDir static Path data;
  static EmbeddedEngine engine;
  static CamundaClient client;
  static RecordCollector records;

  @BeforeAll
  static void startEngine() {
    engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
    client = TestProcesses.client(engine);
    records = new RecordCollector(engine);
  }

  @AfterAll
  static void stopEngine() {
    records.close();
    client.close();
    engine.close();
  }

  @Test
  void standardClientSeesOneHealthyPartitionOnLoopback() {
    final var topology = client.newTopologyRequest().send().join();

    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getBrokers().getFirst().getPartitions()).hasSize(1);
    assertThat(engine.grpcAddress()).startsWith("http://127.0.0.1:");
    assertThat(engine.status().healthy()).isTrue();
  }

  @Test
  void deployingUnchangedResourcesCreatesNoNewVersion() {
    // the model API makes new ids on every build: deploy the same bytes twice
    final String xml = Bpmn.convertToString(TestProcesses.serviceTask());
    final DeploymentEvent first =
        client.newDeployResourceCommand().addResourceStringUtf8(xml, "priced.bpmn").send().join();
    final DeploymentEvent again =
        client.newDeployResourceCommand().addResourceStringUtf8(xml, "priced.bpmn").send().join();
    final DeploymentEvent changed =
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess("priced")
                    .startEvent()
                    .serviceTask("price", t -> t.zeebeJobType("price").zeebeJobRetries("5"))
                    .endEvent()
                    .done(),
                "priced.bpmn")
            .send()
            .join();

    final int version = first.getProcesses().getFirst().getVersion();
    assertThat(again.getProcesses().getFirst().getVersion()).isEqualTo(version);
    assertThat(again.getProcesses().getFirst().getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().getFirst().getProcessDefinitionKey());
    assertThat(changed.getProcesses().getFirst().getVersion()).isEqualTo(version + 1);
  }

  @Test
  void jobWorkerCompletesServiceTaskWithVariables() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("valued")
                .startEvent()
                .serviceTask("value", t -> t.zeebeJobType("value-lot"))
                .endEvent()
                .done(),
            "valued.bpmn")
        .send()
        .join();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("value-lot")
            .handler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job.getKey())
                        .variables(Map.of("lotValueUsd", "2390411.50"))
                        .send()
                        .join())
            .open()) {

      final var result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("valued")
              .latestVersion()
              .variables(Map.of("dealId", "D-1"))
              .withResult()
              .send()
              .join();

      assertThat(result.getVariablesAsMap())
          .containsEntry("dealId", "D-1")
          .containsEntry("lotValueUsd", "2390411.50");
    }
  }

  @Test
  void messageIsCorrelatedByDealId() {
    client
        .newDeployResourceCommand()
        .addProcessModel(TestProcesses.message(), "nomination.bpmn")
        .send()
        .join();
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("nomination")
            .latestVersion()
            .variables(Map.of("dealId", "D-42"))
            .send()
            .join()
            .getProcessInstanceKey();
    records.await("waiting at the message", elementActivated(instance, "nominated"));

    client
        .newPublishMessageCommand()
        .messageName("vessel-nominated")
        .correlationKey("D-42")
        .variables(Map.of("vessel", "MV Atacama"))
        .send()
        .join();

    records.await("instance completed", processCompleted(instance));
  }

  @Test
  void timerFiresWhenTheEngineClockIsMoved() {
    client
        .newDeployResourceCommand()
        .addProcessModel(TestProcesses.timer(), "qp.bpmn")
        .send()
        .join();
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("qp")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    records.await("waiting at the timer", elementActivated(instance, "qp-end"));
    assertThat(records.records().stream().anyMatch(processCompleted(instance))).isFalse();

    engine.increaseTime(Duration.ofHours(1).plusSeconds(1));

    records.await("instance completed", processCompleted(instance));
  }

  @Test
  void failedJobWithoutRetriesRaisesAnIncidentThatCanBeResolved() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("settle")
                .startEvent()
                .serviceTask("pay", t -> t.zeebeJobType("settle-payment"))
                .endEvent()
                .done(),
            "settle.bpmn")
        .send()
        .join();
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("settle")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    final AtomicInteger attempts = new AtomicInteger();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("settle-payment")
            .handler(
                (jobClient, job) -> {
                  if (attempts.incrementAndGet() == 1) {
                    jobClient
                        .newFailCommand(job.getKey())
                        .retries(0)
                        .errorMessage("bank API unavailable")
                        .send()
                        .join();
                  } else {
                    jobClient.newCompleteCommand(job.getKey()).send().join();
                  }
                })
            .pollInterval(Duration.ofMillis(50))
            .open()) {

      final Record<?> incident =
          records.await(
              "incident created",
              r ->
                  event(ValueType.INCIDENT, IncidentIntent.CREATED).test(r)
                      && ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == instance);
      final IncidentRecordValue value = (IncidentRecordValue) incident.getValue();
      assertThat(value.getErrorMessage()).isEqualTo("bank API unavailable");

      client.newUpdateRetriesCommand(value.getJobKey()).retries(1).send().join();
      client.newResolveIncidentCommand(incident.getKey()).send().join();

      records.await("instance completed after retry", processCompleted(instance));
      assertThat(attempts.get()).isEqualTo(2);
    }
  }

  @Test
  void userTaskIsAssignedUnassignedAndCompletedWithVariables() throws Exception {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("approve-deal")
                .startEvent()
                .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("traders"))
                .serviceTask("book", t -> t.zeebeJobType("book-deal"))
                .endEvent()
                .done(),
            "approve-deal.bpmn")
        .send()
        .join();
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("approve-deal")
            .latestVersion()
            .variables(Map.of("dealId", "D-7"))
            .send()
            .join()
            .getProcessInstanceKey();
    final long task = userTaskCreated(instance).getKey();

    engine.userTasks().assign(task, "alice");
    assertThat(assignedTo(task)).containsExactly("alice");
    engine.userTasks().unassign(task);
    assertThat(assignedTo(task)).containsExactly("alice", "");
    engine.userTasks().claim(task, "bob");
    assertThatThrownBy(() -> engine.userTasks().claim(task, "carol"))
        .isInstanceOf(UserTaskCommandRejected.class)
        .extracting(e -> ((UserTaskCommandRejected) e).rejectionType())
        .isEqualTo(RejectionType.INVALID_STATE);

    engine.userTasks().complete(task, "{\"approved\":true,\"approvedBy\":\"bob\"}");

    try (JobWorker worker =
        client
            .newWorker()
            .jobType("book-deal")
            .handler(
                (jobClient, job) -> {
                  assertThat(job.getVariablesAsMap())
                      .containsEntry("approved", true)
                      .containsEntry("approvedBy", "bob")
                      .containsEntry("dealId", "D-7");
                  jobClient.newCompleteCommand(job.getKey()).send().join();
                })
            .open()) {
      records.await("instance completed", processCompleted(instance));
    }
  }

  @Test
  void userTaskCommandsOnUnknownOrCompletedTasksAreRejected() throws Exception {
    client
        .newDeployResourceCommand()
        .addProcessModel(TestProcesses.userTask(), "approval.bpmn")
        .send()
        .join();
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("approval")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    final long task = userTaskCreated(instance).getKey();
    engine.userTasks().complete(task, null);

    assertThatThrownBy(() -> engine.userTasks().complete(task, null))
        .isInstanceOf(UserTaskCommandRejected.class)
        .satisfies(
            e ->
                assertThat(((UserTaskCommandRejected) e).rejectionType())
                    .isEqualTo(RejectionType.NOT_FOUND));
    assertThatThrownBy(() -> engine.userTasks().assign(42L, "alice"))
        .isInstanceOf(UserTaskCommandRejected.class)
        .hasMessageContaining("42");
  }

  private static Record<?> userTaskCreated(final long instance) {
    return records.await(
        "user task created",
        r ->
            event(ValueType.USER_TASK, UserTaskIntent.CREATED).test(r)
                && ((UserTaskRecordValue) r.getValue()).getProcessInstanceKey() == instance);
  }

  /** Assignees of the task's ASSIGNED events so far, once the feed has delivered them. */
  private static java.util.List<String> assignedTo(final long task) throws Exception {
    engine.awaitProcessed(Duration.ofSeconds(10));
    final long end = engine.status().logHighestPosition();
    records.await("feed caught up", r -> r.getPosition() >= end);
    return records.records().stream()
        .filter(
            r -> event(ValueType.USER_TASK, UserTaskIntent.ASSIGNED).test(r) && r.getKey() == task)
        .map(r -> ((UserTaskRecordValue) r.getValue()).getAssignee())
        .toList();
  }
}
