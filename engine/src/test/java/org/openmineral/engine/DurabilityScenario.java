package org.openmineral.engine;

import static org.openmineral.engine.RecordCollector.elementActivated;

import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM by {@link DurabilityTest}: leaves one instance at a user task, one at a
 * message and one at a timer, checkpoints the state between them (so a restart must combine the
 * checkpoint with a replay of the log's tail), prints their keys and waits to be killed.
 */
public final class DurabilityScenario {
  public static void main(final String[] args) throws Exception {
    final Path data = Path.of(args[0]);
    final EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
    final CamundaClient client = TestProcesses.client(engine);
    final RecordCollector records = new RecordCollector(engine);
    client
        .newDeployResourceCommand()
        .addProcessModel(TestProcesses.userTask(), "approval.bpmn")
        .addProcessModel(TestProcesses.message(), "nomination.bpmn")
        .addProcessModel(TestProcesses.timer(), "qp.bpmn")
        .send()
        .join();

    final long atUserTask = start(client, "approval", Map.of("dealId", "D-100"));
    records.await("user task", elementActivated(atUserTask, "approve"));
    engine.checkpoint().orElseThrow();

    final long atMessage = start(client, "nomination", Map.of("dealId", "D-200"));
    final long atTimer = start(client, "qp", Map.of("dealId", "D-300"));
    records.await("message", elementActivated(atMessage, "nominated"));
    records.await("timer", elementActivated(atTimer, "qp-end"));

    System.out.printf("READY %d %d %d%n", atUserTask, atMessage, atTimer);
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }

  private static long start(
      final CamundaClient client, final String processId, final Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
