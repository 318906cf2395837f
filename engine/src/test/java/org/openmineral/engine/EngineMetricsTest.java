package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineMetricsTest {
  @TempDir Path data;

  @Test
  void engineAndZeebeMetersGoToTheGivenRegistryAndTheGaugesLeaveOnClose() throws Exception {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EmbeddedEngine engine =
        EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0), registry);
    try (CamundaClient client = TestProcesses.client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(TestProcesses.serviceTask(), "metrics.bpmn")
          .send()
          .join();
      engine.awaitProcessed(Duration.ofSeconds(10));
      engine.checkpoint();

      // the engine keeps writing now and then (e.g. usage metrics): compare with a snapshot loosely
      final EngineStatus status = engine.status();
      assertThat(gauge(registry, EngineMetrics.LOG_POSITION))
          .isPositive()
          .isGreaterThanOrEqualTo(status.logHighestPosition());
      assertThat(gauge(registry, EngineMetrics.PROCESSED_POSITION))
          .isGreaterThanOrEqualTo(status.lastProcessedPosition())
          .isLessThanOrEqualTo(gauge(registry, EngineMetrics.LOG_POSITION));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gauge(registry, EngineMetrics.PROCESSING_LAG) == 0);
      assertThat(gauge(registry, EngineMetrics.CHECKPOINT_POSITION))
          .isEqualTo(status.checkpointPosition())
          .isPositive();
      assertThat(gauge(registry, EngineMetrics.LOG_SIZE))
          .isPositive()
          .isGreaterThanOrEqualTo(status.logBytes());
      assertThat(gauge(registry, EngineMetrics.HEALTHY)).isEqualTo(1);
      // Zeebe's own stream-processor meters are in the same registry
      assertThat(registry.getMeters())
          .map(meter -> meter.getId().getName())
          .anyMatch(name -> name.startsWith("zeebe.stream.processor"));
    } finally {
      engine.close();
    }
    assertThat(registry.getMeters())
        .map(Meter::getId)
        .noneMatch(id -> id.getName().startsWith("openmineral.engine."));
  }

  private static double gauge(final SimpleMeterRegistry registry, final String name) {
    final Gauge gauge = registry.find(name).tag("partition", "1").gauge();
    assertThat(gauge).as(name).isNotNull();
    return gauge.value();
  }
}
