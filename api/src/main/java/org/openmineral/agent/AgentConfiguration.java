package org.openmineral.agent;

import io.camunda.client.CamundaClient;
import org.openmineral.workers.agent.AgentAuditTrail;
import org.openmineral.workers.agent.AgentLimits;
import org.openmineral.workers.agent.AgentModels;
import org.openmineral.workers.agent.AgentRunner;
import org.openmineral.workers.agent.EngineAgentAuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Wires the agents: models from {@link AgentProperties}, guardrails, audit trail, runner. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

  @Bean
  ConfiguredModels configuredModels(final AgentProperties properties) {
    return new ConfiguredModels(properties);
  }

  @Bean
  AgentLimits agentLimits(final AgentProperties properties) {
    return new AgentLimits(
        properties.maxToolCalls(),
        properties.callTimeout(),
        properties.totalTimeout(),
        properties.confidenceThreshold());
  }

  /** Jobs' steps go to the engine (and so the audit log), other runs' to the transcripts. */
  @Bean
  @Primary
  AgentAuditTrail agentAuditTrail(final CamundaClient client, final AgentTranscripts transcripts) {
    return new EngineAgentAuditTrail(client, transcripts);
  }

  @Bean
  AgentRunner agentRunner(
      final AgentModels models, final AgentAuditTrail audit, final AgentLimits limits) {
    return new AgentRunner(models, audit, limits);
  }
}
