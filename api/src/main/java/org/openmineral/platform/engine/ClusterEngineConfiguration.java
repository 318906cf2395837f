package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import org.openmineral.task.CamundaUserTaskCommands;
import org.openmineral.task.UserTaskCommands;
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
}
