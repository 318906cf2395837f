package org.openmineral.platform.observability;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import org.openmineral.platform.web.Outages;

/**
 * The starter's handling of an exception thrown by a {@code @JobWorker} method (fail the job, or
 * throw a BPMN error), which also tells {@link ObservedJobHandler}, on the same thread, how the job
 * ended.
 *
 * <p>A failure caused by a dependency that is down for a while (the database, Redis, a service
 * answering "unavailable"; see {@link Outages}) does not use up the job's retries: the job is
 * failed with its retries unchanged and retried after {@link #OUTAGE_BACKOFF}, so that work resumes
 * by itself when the dependency is back instead of ending in incidents. Every other failure is
 * handled as the worker said (its retries and back-off).
 */
final class OutcomeRecordingExceptionStrategy implements JobExceptionHandlingStrategy {
  static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);

  private final JobExceptionHandlingStrategy delegate;

  OutcomeRecordingExceptionStrategy(final JobExceptionHandlingStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleException(final Exception exception, final ExceptionHandlingContext context)
      throws Exception {
    ObservedJobHandler.outcome(
        exception instanceof BpmnError ? ObservedJobHandler.BPMN_ERROR : ObservedJobHandler.FAILED);
    if (!(exception instanceof BpmnError) && Outages.isDatabaseOutage(exception)) {
      delegate.handleException(
          CamundaError.jobError(
              "The database is unavailable (retried after "
                  + OUTAGE_BACKOFF.toSeconds()
                  + " s without using up a retry): "
                  + Outages.describe(exception),
              null,
              context.job().getRetries(),
              OUTAGE_BACKOFF,
              exception),
          context);
      return;
    }
    delegate.handleException(exception, context);
  }
}
