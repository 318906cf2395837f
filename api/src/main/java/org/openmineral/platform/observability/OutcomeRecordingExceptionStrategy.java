package org.openmineral.platform.observability;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;

/**
 * The starter's handling of an exception thrown by a {@code @JobWorker} method (fail the job, or
 * throw a BPMN error), which also tells {@link ObservedJobHandler}, on the same thread, how the job
 * ended.
 */
final class OutcomeRecordingExceptionStrategy implements JobExceptionHandlingStrategy {
  private final JobExceptionHandlingStrategy delegate;

  OutcomeRecordingExceptionStrategy(final JobExceptionHandlingStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleException(final Exception exception, final ExceptionHandlingContext context)
      throws Exception {
    ObservedJobHandler.outcome(
        exception instanceof BpmnError ? ObservedJobHandler.BPMN_ERROR : ObservedJobHandler.FAILED);
    delegate.handleException(exception, context);
  }
}
