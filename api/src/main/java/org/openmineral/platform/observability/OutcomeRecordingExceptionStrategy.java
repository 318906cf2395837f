package org.openmineral.platform.observability;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import org.openmineral.platform.web.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starter's handling of an exception thrown by a {@code @JobWorker} method (fail the job, or
 * throw a BPMN error), which also tells {@link ObservedJobHandler}, on the same thread, how the job
 * ended.
 *
 * <p>A failure caused by a dependency that is down for a while (the database, Redis, a service
 * answering "unavailable"; see {@link Outages}) does not use up the job's retries: the job is
 * failed with its retries unchanged and retried after {@link #OUTAGE_BACKOFF}, so that work resumes
 * by itself when the dependency is back instead of ending in incidents. Every other failure is
 * handled as the worker said (its retries and back-off), except a {@linkplain
 * Outages#isConcurrencyConflict concurrency conflict} (the database rolled the job's transaction
 * back for concurrent work on the same rows): that job too keeps its retries, and is retried after
 * {@link #CONFLICT_BACKOFF}. A job the fault injection abandons ({@link
 * AbandoningResultProcessorStrategy}) gets no command at all.
 */
final class OutcomeRecordingExceptionStrategy implements JobExceptionHandlingStrategy {
  private static final Logger LOG =
      LoggerFactory.getLogger(OutcomeRecordingExceptionStrategy.class);
  static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);
  static final Duration CONFLICT_BACKOFF = Duration.ofSeconds(1);

  private final JobExceptionHandlingStrategy delegate;

  OutcomeRecordingExceptionStrategy(final JobExceptionHandlingStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleException(final Exception exception, final ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof AbandoningResultProcessorStrategy.AbandonedJob) {
      // a simulated crash: nothing reaches the engine, the job times out and is handed out again
      ObservedJobHandler.outcome(ObservedJobHandler.ABANDONED);
      LOG.warn(exception.getMessage());
      return;
    }
    ObservedJobHandler.outcome(
        exception instanceof BpmnError ? ObservedJobHandler.BPMN_ERROR : ObservedJobHandler.FAILED);
    if (exception instanceof BpmnError) {
      delegate.handleException(exception, context);
    } else if (Outages.isConcurrencyConflict(exception)) {
      retryKeepingRetries(
          "The job met concurrent work on the same data and was rolled back",
          CONFLICT_BACKOFF,
          exception.getClass().getSimpleName() + ": " + exception.getMessage(),
          exception,
          context);
    } else if (Outages.isDatabaseOutage(exception)) {
      retryKeepingRetries(
          "The database is unavailable",
          OUTAGE_BACKOFF,
          Outages.describe(exception),
          exception,
          context);
    } else {
      delegate.handleException(exception, context);
    }
  }

  /** Fails the job with its retries unchanged, to be retried after {@code backoff}. */
  private void retryKeepingRetries(
      final String what,
      final Duration backoff,
      final String detail,
      final Exception exception,
      final ExceptionHandlingContext context)
      throws Exception {
    delegate.handleException(
        CamundaError.jobError(
            what
                + " (retried after "
                + backoff.toSeconds()
                + " s without using up a retry): "
                + detail,
            null,
            context.job().getRetries(),
            backoff,
            exception),
        context);
  }
}
