package org.openmineral.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineOverheadTest {
  final EngineOverhead overhead = new EngineOverhead();

  @Test
  void eachJobsTurnaroundLessItsHandlersTimeInWhicheverOrderTheyCome() {
    // the feed first, then the handler; and the other way round
    overhead.turnaround(1, 12);
    overhead.handled(1, TimeUnit.MICROSECONDS.toNanos(4_400));
    overhead.handled(2, TimeUnit.MICROSECONDS.toNanos(2_600));
    overhead.turnaround(2, 9);
    // a job without its handler's time yet is not counted
    overhead.turnaround(3, 50);

    assertThat(overhead.samples().snapshot().sorted()).containsExactly(6, 8);
  }

  @Test
  void aJobHandledTwiceCountsBothHandlersTime() {
    overhead.handled(7, TimeUnit.MILLISECONDS.toNanos(3));
    overhead.handled(7, TimeUnit.MILLISECONDS.toNanos(5));
    overhead.turnaround(7, 40);

    assertThat(overhead.samples().snapshot().sorted()).containsExactly(32);
  }

  @Test
  void halvesArrivingTogetherFromTwoThreadsAreAllPaired() throws Exception {
    final int jobs = 20_000;
    final CountDownLatch start = new CountDownLatch(1);
    final Thread feed =
        Thread.ofPlatform()
            .start(
                () -> {
                  await(start);
                  for (int k = 0; k < jobs; k++) {
                    overhead.turnaround(k, 10);
                  }
                });
    final Thread handlers =
        Thread.ofPlatform()
            .start(
                () -> {
                  await(start);
                  for (int k = 0; k < jobs; k++) {
                    overhead.handled(k, TimeUnit.MILLISECONDS.toNanos(4));
                  }
                });
    start.countDown();
    feed.join();
    handlers.join();

    final Samples.Snapshot paired = overhead.samples().snapshot();
    assertThat(paired.count()).isEqualTo(jobs);
    assertThat(paired.percentile(0)).isEqualTo(6);
    assertThat(paired.max()).isEqualTo(6);
  }

  private static void await(final CountDownLatch latch) {
    try {
      latch.await();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
