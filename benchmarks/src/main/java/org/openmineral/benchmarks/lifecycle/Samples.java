package org.openmineral.benchmarks.lifecycle;

import java.util.Arrays;

/** Millisecond samples, kept whole (a run has at most a few hundred thousand) for exact ranks. */
final class Samples {
  private long[] values = new long[1024];
  private int size;

  synchronized void add(final long millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
  }

  synchronized void clear() {
    size = 0;
  }

  synchronized Snapshot snapshot() {
    final long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Snapshot(sorted);
  }

  /** Sorted samples with nearest-rank percentiles. */
  record Snapshot(long[] sorted) {
    int count() {
      return sorted.length;
    }

    long percentile(final double p) {
      if (sorted.length == 0) {
        return -1;
      }
      final int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double mean() {
      return sorted.length == 0 ? -1 : Arrays.stream(sorted).average().orElse(-1);
    }

    long max() {
      return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    @Override
    public String toString() {
      return "p50 " + percentile(50) + " ms, p99 " + percentile(99) + " ms, max " + max() + " ms";
    }
  }
}
