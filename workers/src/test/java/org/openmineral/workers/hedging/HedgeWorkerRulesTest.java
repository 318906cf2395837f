package org.openmineral.workers.hedging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.hedging.PricingProgress;

/** The workers' own rules: what the policy hedges, the fixed lots, the leg's pricing variable. */
class HedgeWorkerRulesTest {

  @Test
  void hedgeAllHedgesTheWholeExposureAndAboveThresholdWhatExceedsIt() {
    assertThat(HedgeSuggestWorker.toHedge(new BigDecimal("1000"), "HEDGE_ALL", BigDecimal.ZERO))
        .isEqualByComparingTo("1000");
    assertThat(
            HedgeSuggestWorker.toHedge(
                new BigDecimal("-300"), "HEDGE_ABOVE_THRESHOLD", new BigDecimal("50")))
        .isEqualByComparingTo("-250");
    assertThat(
            HedgeSuggestWorker.toHedge(
                new BigDecimal("40"), "HEDGE_ABOVE_THRESHOLD", new BigDecimal("50")))
        .isEqualByComparingTo("0");
  }

  @Test
  void fixedLotsAreTheHedgesPricedShareRoundedHalfUp() {
    assertThat(HedgeFixQpRollWorker.fixedLots(40, new PricingProgress(0, 5))).isZero();
    assertThat(HedgeFixQpRollWorker.fixedLots(40, new PricingProgress(3, 5))).isEqualTo(24);
    assertThat(HedgeFixQpRollWorker.fixedLots(40, new PricingProgress(5, 5))).isEqualTo(40);
    assertThat(HedgeFixQpRollWorker.fixedLots(27, new PricingProgress(7, 20))).isEqualTo(9);
    assertThat(HedgeFixQpRollWorker.fixedLots(1, new PricingProgress(1, 2))).isEqualTo(1);
  }

  @Test
  void pricingIsFixedOrAQuotationalPeriod() {
    assertThat(HedgeLeg.pricing(Map.of("type", "FIXED", "fixedOn", "2026-03-02")).describe())
        .isEqualTo("fixed on 2026-03-02");
    assertThat(
            HedgeLeg.pricing(
                    Map.of("type", "qp", "firstDay", "2026-03-02", "lastDay", "2026-03-06"))
                .describe())
        .isEqualTo("QP 2026-03-02..2026-03-06 (5 pricing days)");
    assertThatThrownBy(() -> HedgeLeg.pricing(Map.of("type", "FORMULA")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FIXED or QP");
  }
}
