package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import org.openmineral.task.CamundaUserTaskCommands;
import org.openmineral.task.CamundaUserTaskQueries;
import org.openmineral.task.UserTaskCommands;
import org.openmineral.task.UserTaskQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

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
}
