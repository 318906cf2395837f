package org.openmineral.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle benchmark's baseline drives the repository's real models to the end: a handful of
 * deals, no figures asserted, only that the driver and the no-op workers keep to the happy path.
 */
class EngineOnlyLifecycleTest {

  @Test
  void everyDealOfTheBaselineClosesWithoutRejectedCommandsOrIncidents() throws Exception {
    // given the engine alone with the repository's models and a no-op worker per job type
    try (EngineOnlyChannel channel = new EngineOnlyChannel(Path.of("..").toAbsolutePath());
        LifecycleDriver driver = new LifecycleDriver(channel.engine(), channel)) {

      // when five deals are captured, three at a time
      final double seconds = driver.runClosedLoop(5, 3, 120);
      final LifecycleDriver.Figures figures = driver.figures(seconds);

      // then all of them closed along the happy path: 3 user tasks each, nothing refused
      assertThat(driver.problems()).isEmpty();
      assertThat(figures.dealsClosed()).isEqualTo(5);
      assertThat(figures.userTasksDone()).isEqualTo(15);
      assertThat(figures.dealsTerminated()).isZero();
      assertThat(figures.rejectedCommands()).isZero();
      assertThat(figures.incidents()).isZero();
      assertThat(figures.jobFailures()).isZero();
      assertThat(figures.driverErrors()).isZero();
      assertThat(figures.jobTurnaroundMs().count()).isEqualTo((int) figures.jobsDone());
    }
  }
}
