package org.openmineral.benchmarks.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-task engine overhead: each job's turnaround (created to completed, from the engine's
 * record feed) less its handler's own time (from the product), paired by job key in whichever order
 * the two arrive. What remains is the engine's part of the task (the job's way to the worker, the
 * command's way back and every wait for the engine) plus the worker's dispatch, without the
 * business work.
 */
final class EngineOverhead {
  /**
   * Per job, the half that came first: the turnaround in ms (a {@code Long}) or the handler time in
   * ns (a {@code long[]}).
   */
  private final Map<Long, Object> unpaired = new ConcurrentHashMap<>();

  private final Samples samples = new Samples();

  /** The engine completed the job {@code millis} after it created it. */
  void turnaround(final long jobKey, final long millis) {
    pair(jobKey, millis);
  }

  /** The product's handler took {@code nanos} for the job (any thread). */
  void handled(final long jobKey, final long nanos) {
    pair(jobKey, new long[] {nanos});
  }

  /** The overheads of the jobs paired so far, in ms. */
  Samples samples() {
    return samples;
  }

  private void pair(final long jobKey, final Object half) {
    unpaired.compute(
        jobKey,
        (k, other) -> {
          if (other == null) {
            return half;
          }
          if (other instanceof long[] handler && half instanceof long[] again) {
            // a job handled again (failed, then retried): its handlers' time adds up
            return new long[] {handler[0] + again[0]};
          }
          final long turnaroundMs = half instanceof Long t ? t : (Long) other;
          final long handlerNanos = half instanceof long[] h ? h[0] : ((long[]) other)[0];
          samples.add(Math.round(turnaroundMs - handlerNanos / 1e6));
          return null;
        });
  }
}
