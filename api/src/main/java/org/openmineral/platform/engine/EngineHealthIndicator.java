package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code engine} in {@code /actuator/health}: mode, partition health, data directory, positions.
 */
@Component("engine")
public class EngineHealthIndicator implements HealthIndicator {
  private final ObjectProvider<EmbeddedEngine> embedded;
  private final CamundaClient client;

  public EngineHealthIndicator(
      final ObjectProvider<EmbeddedEngine> embedded, final CamundaClient client) {
    this.embedded = embedded;
    this.client = client;
  }

  @Override
  public Health health() {
    final EmbeddedEngine engine = embedded.getIfAvailable();
    return engine != null ? embeddedHealth(engine.status()) : clusterHealth();
  }

  private static Health embeddedHealth(final EngineStatus status) {
    return (status.healthy() ? Health.up() : Health.down())
        .withDetail("mode", "embedded")
        .withDetail("partitions", java.util.Map.of("1", status.partitionHealth()))
        .withDetail("grpcAddress", "127.0.0.1:" + status.port())
        .withDetail("dataDirectory", status.dataDirectory().toString())
        .withDetail("logPosition", status.logHighestPosition())
        .withDetail("logBytes", status.logBytes())
        .withDetail("processedPosition", status.lastProcessedPosition())
        .withDetail("checkpointPosition", status.checkpointPosition())
        .build();
  }

  private Health clusterHealth() {
    try {
      final Topology topology =
          client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
      final java.util.Map<String, String> partitions = new java.util.TreeMap<>();
      boolean healthy = topology.getPartitionsCount() > 0;
      for (final var broker : topology.getBrokers()) {
        for (final var partition : broker.getPartitions()) {
          if (partition.isLeader()) {
            partitions.put(
                Integer.toString(partition.getPartitionId()), partition.getHealth().name());
            healthy &= partition.getHealth() == PartitionBrokerHealth.HEALTHY;
          }
        }
      }
      healthy &= partitions.size() == topology.getPartitionsCount();
      return (healthy ? Health.up() : Health.down())
          .withDetail("mode", "cluster")
          .withDetail("gatewayVersion", topology.getGatewayVersion())
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("partitions", partitions)
          .build();
    } catch (final RuntimeException e) {
      return Health.down()
          .withDetail("mode", "cluster")
          .withDetail("error", e.getMessage())
          .build();
    }
  }
}
