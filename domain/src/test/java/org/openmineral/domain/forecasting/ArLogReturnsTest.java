package org.openmineral.domain.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArLogReturnsTest {

  @Test
  void intervalsContainThePointAndWidenWithTheHorizon() {
    final Forecast f =
        new ArLogReturns(1, 120).forecast(RollingOriginBacktestTest.walk(200, 3), 6, 0.8);
    assertThat(f.steps()).hasSize(6);
    for (final Forecast.Step s : f.steps()) {
      assertThat(s.lower()).isLessThan(s.point());
      assertThat(s.upper()).isGreaterThan(s.point());
    }
    assertThat(f.at(6).upper() - f.at(6).lower()).isGreaterThan(f.at(1).upper() - f.at(1).lower());
  }

  @Test
  void tooShortAHistoryOrABadPriceIsRefused() {
    assertThatThrownBy(() -> new ArLogReturns(1, 120).forecast(new double[] {1, 2, 3}, 1, 0.8))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("needs at least");
    assertThatThrownBy(() -> new RandomWalk(12).forecast(new double[] {1, 0, 3}, 1, 0.8))
        .hasMessageContaining("positive");
  }
}
