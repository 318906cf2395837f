package org.openmineral.platform.observability;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.spring.configuration.condition.ConditionalOnCamundaClientEnabled;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Job-worker metrics and logging context. The Camunda starter already counts {@code
 * camunda.job.invocations} (by {@code action}: activated, completed, failed, bpmn-error, and job
 * {@code type}) and {@code camunda.client.worker.job} (activated, handled); it times nothing. This
 * adds the latency per job type and outcome ({@code openmineral.job.duration}) and the job's keys
 * in the MDC while a worker runs, and publishes each job's handler time as a {@link JobHandled}
 * event: the starter's job-worker manager (not a replaceable bean) is swapped for a subclass that
 * wraps each worker's handler, built from the same collaborators. With {@value
 * AbandoningResultProcessorStrategy#PROPERTY} set (the fault run only) its result processing
 * abandons every n-th job after its work.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCamundaClientEnabled
public class JobWorkerObservationConfiguration {

  @Bean
  static BeanPostProcessor observedJobWorkerManager(
      final ObjectProvider<CommandExceptionHandlingStrategy> commandExceptionHandlingStrategy,
      final ObjectProvider<MetricsRecorder> metricsRecorder,
      final ObjectProvider<ParameterResolverStrategy> parameterResolverStrategy,
      final ObjectProvider<ResultProcessorStrategy> resultProcessorStrategy,
      final ObjectProvider<BackoffSupplier> backoffSupplier,
      final ObjectProvider<JobExceptionHandlingStrategy> jobExceptionHandlingStrategy,
      final ObjectProvider<MeterRegistry> registry,
      final ObjectProvider<ApplicationEventPublisher> events,
      final Environment environment) {
    final long abandonEvery =
        environment.getProperty(AbandoningResultProcessorStrategy.PROPERTY, Long.class, 0L);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(final Object bean, final String beanName) {
        if (bean.getClass() != JobWorkerManager.class) {
          return bean;
        }
        // the same collaborators the starter gave its manager, nothing opened yet
        return new ObservedJobWorkerManager(
            commandExceptionHandlingStrategy.getObject(),
            metricsRecorder.getObject(),
            parameterResolverStrategy.getObject(),
            abandonEvery > 0
                ? new AbandoningResultProcessorStrategy(
                    resultProcessorStrategy.getObject(), abandonEvery)
                : resultProcessorStrategy.getObject(),
            backoffSupplier.getObject(),
            new OutcomeRecordingExceptionStrategy(jobExceptionHandlingStrategy.getObject()),
            registry.getObject(),
            events.getObject());
      }
    };
  }
}
