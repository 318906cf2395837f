package org.openmineral.platform.observability;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The starter's manager of {@code @JobWorker} methods, opening each worker with its handler wrapped
 * in an {@link ObservedJobHandler} (MDC, latency and a {@link JobHandled} event per job).
 * Everything else is the starter's.
 */
final class ObservedJobWorkerManager extends JobWorkerManager {
  private final MeterRegistry registry;
  private final ApplicationEventPublisher events;

  ObservedJobWorkerManager(
      final CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
      final MetricsRecorder metricsRecorder,
      final ParameterResolverStrategy parameterResolverStrategy,
      final ResultProcessorStrategy resultProcessorStrategy,
      final BackoffSupplier backoffSupplier,
      final JobExceptionHandlingStrategy jobExceptionHandlingStrategy,
      final MeterRegistry registry,
      final ApplicationEventPublisher events) {
    super(
        commandExceptionHandlingStrategy,
        metricsRecorder,
        parameterResolverStrategy,
        resultProcessorStrategy,
        backoffSupplier,
        jobExceptionHandlingStrategy);
    this.registry = registry;
    this.events = events;
  }

  @Override
  public JobWorker openWorker(
      final CamundaClient client, final JobWorkerValue value, final JobHandler handler) {
    return super.openWorker(client, value, new ObservedJobHandler(handler, registry, events));
  }
}
