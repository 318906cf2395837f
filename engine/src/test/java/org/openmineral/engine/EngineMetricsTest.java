package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
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

      final EngineStatus status = engine.status();
      assertThat(gauge(registry, EngineMetrics.LOG_POSITION))
          .isEqualTo(status.logHighestPosition())
          .isPositive();
      assertThat(gauge(registry, EngineMetrics.PROCESSED_POSITION))
          .isEqualTo(status.lastProcessedPosition());
      assertThat(gauge(registry, EngineMetrics.PROCESSING_LAG)).isZero();
      assertThat(gauge(registry, EngineMetrics.CHECKPOINT_POSITION))
          .isEqualTo(status.checkpointPosition())
          .isPositive();
      assertThat(gauge(registry, EngineMetrics.LOG_SIZE)).isEqualTo(status.logBytes()).isPositive();
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
