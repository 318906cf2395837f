package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservedJobHandlerTest {
  private static final JobClient CLIENT = stub(JobClient.class, Map.of());
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<Object> events = new ArrayList<>();
  final ActivatedJob job = job();
  final OutcomeRecordingExceptionStrategy exceptions =
      new OutcomeRecordingExceptionStrategy(
          (exception, context) -> {
            // the starter fails the job or throws the BPMN error here
          });

  @Test
  void theJobsKeysAreInTheMdcWhileTheWorkerRunsAndGoneAfter() throws Exception {
    final AtomicReference<Map<String, String>> during = new AtomicReference<>();
    new ObservedJobHandler(
            (client, activated) -> during.set(MDC.getCopyOfContextMap()), registry, events::add)
        .handle(CLIENT, job);

    assertThat(during.get())
        .containsEntry("processInstanceKey", "2251799813685251")
        .containsEntry("jobKey", "2251799813685260")
        .containsEntry("jobType", "kyc.screen")
        .containsEntry("elementId", "screen")
        .containsEntry("bpmnProcessId", "counterparty-onboarding");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    assertThat(timer("completed").count()).isEqualTo(1);
  }

  @Test
  void theOutcomeIsWhatTheStarterDidWithTheWorkersException() throws Exception {
    new ObservedJobHandler(
            (client, activated) ->
                exceptions.handleException(new IllegalStateException("lists unavailable"), null),
            registry,
            events::add)
        .handle(CLIENT, job);
    new ObservedJobHandler(
            (client, activated) ->
                exceptions.handleException(new BpmnError("NOT_FOUND", "no such party"), null),
            registry,
            events::add)
        .handle(CLIENT, job);
    new ObservedJobHandler((client, activated) -> {}, registry, events::add).handle(CLIENT, job);

    assertThat(timer("failed").count()).isEqualTo(1);
    assertThat(timer("bpmn-error").count()).isEqualTo(1);
    assertThat(timer("completed").count()).isEqualTo(1);
  }

  @Test
  void eachJobsHandlerTimeIsPublishedWithItsKeyAndOutcome() throws Exception {
    new ObservedJobHandler(
            (client, activated) -> TimeUnit.MILLISECONDS.sleep(2), registry, events::add)
        .handle(CLIENT, job);
    handleWithAThrowingWorker();

    assertThat(events)
        .extracting("jobKey", "type", "outcome")
        .containsExactly(
            tuple(2251799813685260L, "kyc.screen", "completed"),
            tuple(2251799813685260L, "kyc.screen", "error"));
    // the very measurement the timer recorded, per job
    final JobHandled completed = (JobHandled) events.get(0);
    assertThat(completed.nanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2))
        .isEqualTo((long) timer("completed").totalTime(TimeUnit.NANOSECONDS));
    assertThat(((JobHandled) events.get(1)).nanos())
        .isEqualTo((long) timer("error").totalTime(TimeUnit.NANOSECONDS));
  }

  @Test
  void aFailingObserverOfTheEventChangesNothingForTheJob() throws Exception {
    new ObservedJobHandler(
            (client, activated) -> {},
            registry,
            event -> {
              throw new IllegalStateException("observer broken");
            })
        .handle(CLIENT, job);

    assertThat(timer("completed").count()).isEqualTo(1);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void aHandlerThatThrowsCountsAsErrorAndCleansUp() {
    handleWithAThrowingWorker();

    assertThat(timer("error").count()).isEqualTo(1);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void theStartersExceptionHandlingStillRuns() throws Exception {
    final AtomicReference<Exception> handled = new AtomicReference<>();
    final JobExceptionHandlingStrategy starter = (exception, context) -> handled.set(exception);
    final IllegalStateException failure = new IllegalStateException("x");

    new OutcomeRecordingExceptionStrategy(starter).handleException(failure, null);

    assertThat(handled.get()).isSameAs(failure);
  }

  @Test
  void theFaultInjectionAbandonsEveryNthFinishedJobOnceWithoutAnyCommand() throws Exception {
    final ResultProcessorStrategy starterResults =
        new ResultProcessorStrategy() {
          @Override
          public ResultProcessor createProcessor(final MethodInfo methodInfo) {
            return new ResultProcessor() {
              @Override
              public Object process(final ResultProcessorContext context) {
                return context.getResult();
              }
            };
          }
        };
    final ResultProcessor results =
        new AbandoningResultProcessorStrategy(starterResults, 2).createProcessor((MethodInfo) null);
    final AtomicReference<Exception> starterSaw = new AtomicReference<>();
    final OutcomeRecordingExceptionStrategy handling =
        new OutcomeRecordingExceptionStrategy((exception, context) -> starterSaw.set(exception));
    final ActivatedJob other =
        stub(ActivatedJob.class, Map.of("getKey", 7L, "getType", "kyc.screen"));

    assertThat(results.process(new ResultProcessorContext("first", other))).isEqualTo("first");
    final AbandoningResultProcessorStrategy.AbandonedJob abandoned =
        catchThrowableOfType(
            AbandoningResultProcessorStrategy.AbandonedJob.class,
            () -> results.process(new ResultProcessorContext("second", job)));
    assertThat(abandoned).hasMessageContaining("job 2251799813685260 of type kyc.screen");
    new ObservedJobHandler(
            (client, activated) -> handling.handleException(abandoned, null), registry, events::add)
        .handle(CLIENT, job);
    // no complete, no fail: the starter's handling never saw it, the job waits for its timeout
    assertThat(starterSaw.get()).isNull();
    assertThat(timer("abandoned").count()).isEqualTo(1);
    // handed out again, the same job completes: a job is abandoned at most once
    assertThat(results.process(new ResultProcessorContext("again", other))).isEqualTo("again");
    assertThat(results.process(new ResultProcessorContext("retry", job))).isEqualTo("retry");
    assertThatThrownBy(() -> new AbandoningResultProcessorStrategy(starterResults, 0))
        .hasMessageContaining("at least 1");
  }

  /** Runs the job with a worker that throws "boom", which reaches the caller. */
  private void handleWithAThrowingWorker() {
    assertThatThrownBy(
            () ->
                new ObservedJobHandler(
                        (client, activated) -> {
                          throw new IllegalStateException("boom");
                        },
                        registry,
                        events::add)
                    .handle(CLIENT, job))
        .hasMessage("boom");
  }

  private Timer timer(final String outcome) {
    final Timer timer =
        registry
            .find(ObservedJobHandler.DURATION)
            .tags("type", "kyc.screen", "outcome", outcome)
            .timer();
    assertThat(timer).as(outcome).isNotNull();
    return timer;
  }

  private static ActivatedJob job() {
    return stub(
        ActivatedJob.class,
        Map.of(
            "getKey", 2251799813685260L,
            "getProcessInstanceKey", 2251799813685251L,
            "getType", "kyc.screen",
            "getElementId", "screen",
            "getBpmnProcessId", "counterparty-onboarding"));
  }

  /** An implementation of {@code type} answering the given getters; anything else is a mistake. */
  private static <T> T stub(final Class<T> type, final Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
              }
              if (method.getName().equals("toString")) {
                return type.getSimpleName();
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }
}
