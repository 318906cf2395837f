package org.openmineral.workers.agent;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs agent jobs off the client's job-handler thread. The application's job workers share one
 * handler thread ({@code camunda.client.execution-threads}, default 1), and a model may take up to
 * {@code openmineral.agents.total-timeout} to answer; so an agent worker ({@code autoComplete =
 * false}) hands its job here and returns at once, and the agent runs on a virtual thread, which
 * then completes the job with the variables, throws the BPMN error the agent raised (escalation),
 * or fails the job with one retry fewer on any other exception (an incident once none is left).
 */
@Component
public class AgentJobs {
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(AgentJobs.class);

  private final CamundaClient client;

  public AgentJobs(final CamundaClient client) {
    this.client = client;
  }

  /** Runs {@code work} for {@code job} in the background and reports its outcome to the engine. */
  public void run(final ActivatedJob job, final Supplier<Map<String, Object>> work) {
    Thread.ofVirtual()
        .name("agent-" + job.getType() + "-" + job.getKey())
        .start(() -> execute(job, work));
  }

  private void execute(final ActivatedJob job, final Supplier<Map<String, Object>> work) {
    try {
      final Map<String, Object> variables;
      try {
        variables = work.get();
      } catch (final BpmnError e) {
        client
            .newThrowErrorCommand(job.getKey())
            .errorCode(e.getErrorCode())
            .errorMessage(e.getErrorMessage())
            .variables(e.getVariables())
            .send()
            .join();
        return;
      } catch (final RuntimeException e) {
        LOG.warn("Agent job {} ({}) failed", job.getKey(), job.getType(), e);
        client
            .newFailCommand(job.getKey())
            .retries(Math.max(0, job.getRetries() - 1))
            .retryBackoff(RETRY_BACKOFF)
            .errorMessage(
                "The agent failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()))
            .send()
            .join();
        return;
      }
      client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    } catch (final RuntimeException e) {
      // the job timed out or was cancelled meanwhile: the engine hands it out again or dropped it
      LOG.warn(
          "Agent job {} ({}): its outcome was not accepted: {}",
          job.getKey(),
          job.getType(),
          e.getMessage());
    }
  }
}
