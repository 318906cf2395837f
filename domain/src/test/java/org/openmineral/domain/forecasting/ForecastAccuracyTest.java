package org.openmineral.domain.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The accuracy measures against small examples worked by hand. */
class ForecastAccuracyTest {

  @Test
  void maeIsTheMeanAbsoluteError() {
    // |10-12| + |20-17| + |30-30| = 2 + 3 + 0 = 5; 5 / 3
    assertThat(ForecastAccuracy.mae(new double[] {10, 20, 30}, new double[] {12, 17, 30}))
        .isCloseTo(5.0 / 3, within(1e-12));
  }

  @Test
  void maseScalesByTheInSampleNaiveError() {
    // in-sample 100, 104, 101, 107: changes 4, 3, 6 -> scale 13 / 3
    final double scale = ForecastAccuracy.naiveScale(new double[] {100, 104, 101, 107});
    assertThat(scale).isCloseTo(13.0 / 3, within(1e-12));
    // an MAE of 2 is 2 / (13/3) = 6/13 of the naive's in-sample error
    assertThat(ForecastAccuracy.mase(2, scale)).isCloseTo(6.0 / 13, within(1e-12));
  }

  @Test
  void coverageCountsOutcomesWithinTheirBoundsIncludingTheBounds() {
    final double[] actual = {10, 20, 30, 40};
    final double[] lower = {9, 20, 31, 35};
    final double[] upper = {11, 25, 35, 39};
    // inside: 10 in [9,11], 20 on the lower bound; outside: 30 < 31, 40 > 39
    assertThat(ForecastAccuracy.coverage(actual, lower, upper)).isEqualTo(0.5);
  }

  @Test
  void mismatchedOrEmptyInputsAreRefused() {
    assertThatThrownBy(() -> ForecastAccuracy.mae(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(ForecastException.class);
    assertThatThrownBy(() -> ForecastAccuracy.naiveScale(new double[] {5, 5, 5}))
        .hasMessageContaining("constant");
  }
}
