package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineShutdownTest {
  @TempDir Path data;

  @Test
  void closingTheEngineLeavesNoThreadThatKeepsTheJvmAlive() {
    // given the threads alive before the engine
    final Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector records = new RecordCollector(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(TestProcesses.timer(), "qp.bpmn")
          .send()
          .join();
      client.newCreateInstanceCommand().bpmnProcessId("qp").latestVersion().send().join();
      engine.checkpoint();
    }

    // then every non-daemon thread started since has ended
    Awaitility.await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                            .map(Thread::getName)
                            .collect(Collectors.toSet()))
                    .isEmpty());
  }
}
