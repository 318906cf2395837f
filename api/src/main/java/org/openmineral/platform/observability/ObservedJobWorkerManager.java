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

/**
 * The starter's manager of {@code @JobWorker} methods, opening each worker with its handler wrapped
 * in an {@link ObservedJobHandler} (MDC and latency). Everything else is the starter's.
 */
final class ObservedJobWorkerManager extends JobWorkerManager {
  private final MeterRegistry registry;

  ObservedJobWorkerManager(
      final CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
      final MetricsRecorder metricsRecorder,
      final ParameterResolverStrategy parameterResolverStrategy,
      final ResultProcessorStrategy resultProcessorStrategy,
      final BackoffSupplier backoffSupplier,
      final JobExceptionHandlingStrategy jobExceptionHandlingStrategy,
      final MeterRegistry registry) {
    super(
        commandExceptionHandlingStrategy,
        metricsRecorder,
        parameterResolverStrategy,
        resultProcessorStrategy,
        backoffSupplier,
        jobExceptionHandlingStrategy);
    this.registry = registry;
  }

  @Override
  public JobWorker openWorker(
      final CamundaClient client, final JobWorkerValue value, final JobHandler handler) {
    return super.openWorker(client, value, new ObservedJobHandler(handler, registry));
  }
}
