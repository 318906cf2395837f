package org.openmineral.platform.observability;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Wraps the starter's handler of one {@code @JobWorker}: while the job runs its keys are in the
 * logging MDC ({@value #PROCESS_INSTANCE_KEY}, {@value #JOB_KEY}, {@value #JOB_TYPE}, {@value
 * #ELEMENT_ID}, {@value #BPMN_PROCESS_ID}), and its duration, from activation handed to the worker
 * until the complete or fail command is sent, goes to the timer {@value #DURATION} tagged with the
 * job type and the outcome.
 *
 * <p>The outcome: {@code completed} when the method returned (the complete command is sent; the
 * starter counts its acknowledgement in {@code camunda.job.invocations{action="completed"}}),
 * {@code failed} or {@code bpmn-error} when it threw and the starter failed the job or threw the
 * BPMN error (see {@link OutcomeRecordingExceptionStrategy}), {@code error} if the handler itself
 * threw, {@code abandoned} when the fault injection dropped the job without a command ({@link
 * AbandoningResultProcessorStrategy}).
 */
final class ObservedJobHandler implements JobHandler {
  static final String DURATION = "openmineral.job.duration";
  static final String PROCESS_INSTANCE_KEY = "processInstanceKey";
  static final String JOB_KEY = "jobKey";
  static final String JOB_TYPE = "jobType";
  static final String ELEMENT_ID = "elementId";
  static final String BPMN_PROCESS_ID = "bpmnProcessId";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";
  static final String BPMN_ERROR = "bpmn-error";
  static final String ABANDONED = "abandoned";

  private static final Logger LOG = LoggerFactory.getLogger(ObservedJobHandler.class);
  private static final ThreadLocal<String> OUTCOME = new ThreadLocal<>();

  private final JobHandler delegate;
  private final MeterRegistry registry;
  private final ApplicationEventPublisher events;

  ObservedJobHandler(
      final JobHandler delegate,
      final MeterRegistry registry,
      final ApplicationEventPublisher events) {
    this.delegate = delegate;
    this.registry = registry;
    this.events = events;
  }

  /** Called on the handler's thread when the starter handles the method's exception. */
  static void outcome(final String outcome) {
    OUTCOME.set(outcome);
  }

  @Override
  public void handle(final JobClient client, final ActivatedJob job) throws Exception {
    MDC.put(PROCESS_INSTANCE_KEY, Long.toString(job.getProcessInstanceKey()));
    MDC.put(JOB_KEY, Long.toString(job.getKey()));
    MDC.put(JOB_TYPE, job.getType());
    MDC.put(ELEMENT_ID, job.getElementId());
    MDC.put(BPMN_PROCESS_ID, job.getBpmnProcessId());
    OUTCOME.remove();
    final long started = System.nanoTime();
    String outcome = "error";
    try {
      delegate.handle(client, job);
      outcome = OUTCOME.get() == null ? COMPLETED : OUTCOME.get();
    } finally {
      final long took = System.nanoTime() - started;
      Timer.builder(DURATION)
          .description("Time a job worker took for a job, until its complete or fail command")
          .tag("type", job.getType())
          .tag("outcome", outcome)
          .register(registry)
          .record(took, TimeUnit.NANOSECONDS);
      try {
        events.publishEvent(new JobHandled(job.getKey(), job.getType(), outcome, took));
      } catch (final RuntimeException e) {
        // an observer's failure must not change what happens to the job
        LOG.warn("A listener of JobHandled failed for job {}", job.getKey(), e);
      }
      OUTCOME.remove();
      MDC.remove(PROCESS_INSTANCE_KEY);
      MDC.remove(JOB_KEY);
      MDC.remove(JOB_TYPE);
      MDC.remove(ELEMENT_ID);
      MDC.remove(BPMN_PROCESS_ID);
    }
  }
}
