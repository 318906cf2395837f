package org.openmineral.platform.observability;

import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection for the fault run ({@code ./openmineral bench faults}, docs/reliability.md): a
 * worker that dies after its work and before the engine heard of it. With {@code
 * openmineral.faults.abandon-every-nth-job} = n &gt; 0, every n-th job a {@code @JobWorker} method
 * finishes is abandoned after the method returned, its side effects done: no complete or fail
 * command is sent ({@link AbandonedJob}, see {@link OutcomeRecordingExceptionStrategy}), so the job
 * stays activated until its timeout and the engine hands it out again, to be run a second time. A
 * job is abandoned at most once per process lifetime, so every job ends. Off (0) by default; never
 * set it in production.
 */
final class AbandoningResultProcessorStrategy implements ResultProcessorStrategy {
  static final String PROPERTY = "openmineral.faults.abandon-every-nth-job";

  private final ResultProcessorStrategy delegate;
  private final long every;
  private final AtomicLong finished = new AtomicLong();
  private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();

  AbandoningResultProcessorStrategy(final ResultProcessorStrategy delegate, final long every) {
    if (every < 1) {
      throw new IllegalArgumentException(PROPERTY + " must be at least 1, was " + every);
    }
    this.delegate = delegate;
    this.every = every;
  }

  @Override
  public ResultProcessor createProcessor(final MethodInfo methodInfo) {
    final ResultProcessor processor = delegate.createProcessor(methodInfo);
    return new ResultProcessor() {
      @Override
      public Object process(final ResultProcessorContext context) {
        final Object result = processor.process(context);
        final long key = context.getJob().getKey();
        if (finished.incrementAndGet() % every == 0 && abandoned.add(key)) {
          throw new AbandonedJob(key, context.getJob().getType());
        }
        return result;
      }
    };
  }

  /** Thrown instead of completing a job the fault injection abandons. */
  static final class AbandonedJob extends RuntimeException {
    AbandonedJob(final long key, final String type) {
      super(
          "fault injection ("
              + PROPERTY
              + "): job "
              + key
              + " of type "
              + type
              + " abandoned after its work; the engine hands it out again after its timeout",
          null,
          false,
          false);
    }
  }
}
