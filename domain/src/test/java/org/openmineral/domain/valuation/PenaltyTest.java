package org.openmineral.domain.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

class PenaltyTest {
  private static PenaltyBand band(
      final String from,
      final String to,
      final String step,
      final String usd,
      final boolean proRata) {
    return new PenaltyBand(
        new BigDecimal(from),
        to == null ? null : new BigDecimal(to),
        new BigDecimal(step),
        new BigDecimal(usd),
        proRata);
  }

  @Test
  void proRataPenaltyChargesFractionsOfAStep() {
    // As 0.35 %: (0.35 − 0.2) / 0.1 = 1.5 steps × 3.00
    assertThat(
            Penalty.of(Element.AS, band("0.2", null, "0.1", "3.0", true))
                .usdPerDmt(new BigDecimal("0.35")))
        .isEqualByComparingTo("4.5");
  }

  @Test
  void wholeStepPenaltyChargesOnlyCompletedSteps() {
    assertThat(
            Penalty.of(Element.AS, band("0.2", null, "0.1", "3.0", false))
                .usdPerDmt(new BigDecimal("0.35")))
        .isEqualByComparingTo("3.0");
  }

  @Test
  void contentAtOrBelowTheThresholdIsFree() {
    assertThat(
            Penalty.of(Element.AS, band("0.2", null, "0.1", "3.0", true))
                .usdPerDmt(new BigDecimal("0.2")))
        .isEqualByComparingTo("0");
  }

  @Test
  void severalBandsChargeEachPartOfTheContentAtItsRate() {
    // given As 2.00 per 0.1 % from 0.2 to 0.5 %, then 4.00 per 0.1 % above 0.5 %
    final Penalty arsenic =
        Penalty.of(
            Element.AS,
            band("0.2", "0.5", "0.1", "2.00", true),
            band("0.5", null, "0.1", "4.00", true));

    // 0.8 %: 3 steps × 2 + 3 steps × 4
    assertThat(arsenic.usdPerDmt(new BigDecimal("0.8"))).isEqualByComparingTo("18");
    // 0.4 %: 2 steps × 2
    assertThat(arsenic.usdPerDmt(new BigDecimal("0.4"))).isEqualByComparingTo("4");
  }

  @Test
  void cappedPenaltyStopsAtItsMaximum() {
    final Penalty mercury =
        new Penalty(Element.HG, List.of(band("10", null, "10", "1.50", true)), new BigDecimal("5"));

    // Hg 100 ppm would be 9 steps × 1.50 = 13.50, capped at 5
    assertThat(mercury.usdPerDmt(new BigDecimal("100"))).isEqualByComparingTo("5");
  }
}
