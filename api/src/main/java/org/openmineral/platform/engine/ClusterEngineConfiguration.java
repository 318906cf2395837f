package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import org.openmineral.task.CamundaUserTaskCommands;
import org.openmineral.task.UserTaskCommands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A Camunda 8 cluster, reached with the standard {@code camunda.client.*} settings. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EngineModeEnvironment.RESOLVED_MODE, havingValue = "cluster")
public class ClusterEngineConfiguration {

  @Bean
  UserTaskCommands camundaUserTaskCommands(final CamundaClient client) {
    return new CamundaUserTaskCommands(client);
  }
}
