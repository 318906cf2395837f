package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import org.openmineral.task.CamundaUserTaskCommands;
import org.openmineral.task.CamundaUserTaskQueries;
import org.openmineral.task.TaskEventRelay;
import org.openmineral.task.UserTaskCommands;
import org.openmineral.task.UserTaskQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** A Camunda 8 cluster, reached with the standard {@code camunda.client.*} settings. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedEngineMode.Cluster.class)
public class ClusterEngineConfiguration {

  @Bean
  UserTaskCommands camundaUserTaskCommands(final CamundaClient client) {
    return new CamundaUserTaskCommands(client);
  }

  @Bean
  UserTaskQueries camundaUserTaskQueries(
      final CamundaClient client, final com.fasterxml.jackson.databind.ObjectMapper json) {
    return new CamundaUserTaskQueries(client, json);
  }

  /**
   * The inbox's live task events from the audit projection's PostgreSQL notifications (the exporter
   * in the broker writes them); with Redis one instance relays for all.
   */
  @Bean
  TaskEventRelay taskEventRelay(
      final javax.sql.DataSource dataSource,
      final org.openmineral.platform.redis.DomainEvents events,
      final com.fasterxml.jackson.databind.ObjectMapper json,
      final Environment environment) {
    final boolean redis = !environment.getProperty("openmineral.redis.address", "").isBlank();
    return new TaskEventRelay(dataSource, events, json, redis, java.time.Duration.ofSeconds(10));
  }
}
