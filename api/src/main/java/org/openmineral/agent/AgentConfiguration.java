package org.openmineral.agent;

import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.openmineral.workers.agent.AgentAuditTrail;
import org.openmineral.workers.agent.AgentLimits;
import org.openmineral.workers.agent.AgentModels;
import org.openmineral.workers.agent.AgentOutcome;
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

  /**
   * The runner; each run is timed in {@code openmineral.agent.runs} (a timer, so with its count)
   * tagged with the agent, its outcome ({@code COMPLETED} or {@code ESCALATED}) and the escalation
   * cause ({@code none} when completed).
   */
  @Bean
  AgentRunner agentRunner(
      final AgentModels models,
      final AgentAuditTrail audit,
      final AgentLimits limits,
      final MeterRegistry meters) {
    return new AgentRunner(
        models,
        audit,
        limits,
        (agent, outcome, nanos) ->
            Timer.builder("openmineral.agent.runs")
                .description("Agent runs by agent, outcome and escalation cause")
                .tag("agent", agent)
                .tag(
                    "outcome",
                    outcome instanceof AgentOutcome.Completed ? "COMPLETED" : "ESCALATED")
                .tag(
                    "cause",
                    outcome instanceof AgentOutcome.Escalated e ? e.cause().name() : "none")
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS));
  }
}
