package org.openmineral.domain.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

class TreatmentChargeTest {

  /**
   * Datamine MineMarket documentation, "Treatment Charges" (zinc contract example): TC 100.00
   * USD/dmt at a base price of 1,000 USD; below 1,000: −0.145 per USD; above 1,000 but below 1,100:
   * +0.15; above 1,100: +0.16.
   */
  private final TreatmentCharge zinc =
      TreatmentCharge.flat("100")
          .escalatedBy(
              new PriceEscalator(
                  Element.ZN,
                  new BigDecimal("1000"),
                  List.of(EscalationTier.to("1100", "0.15"), EscalationTier.unlimited("0.16")),
                  List.of(EscalationTier.unlimited("0.145"))));

  @Test
  void publishedZincEscalatorRisesByTierAboveTheBase() {
    // 100 + 100 × 0.15 + 50 × 0.16
    assertThat(zinc.chargeAt(new BigDecimal("1150"))).isEqualByComparingTo("123");
    // 100 + 50 × 0.15
    assertThat(zinc.chargeAt(new BigDecimal("1050"))).isEqualByComparingTo("107.5");
    assertThat(zinc.chargeAt(new BigDecimal("1000"))).isEqualByComparingTo("100");
  }

  @Test
  void publishedZincEscalatorFallsBelowTheBase() {
    // 100 − 50 × 0.145
    assertThat(zinc.chargeAt(new BigDecimal("950"))).isEqualByComparingTo("92.75");
  }

  @Test
  void zeroRateTierCapsTheEscalationAndFloorBoundsTheCharge() {
    // given +0.10 per USD up to 9,500 then nothing; −0.05 per USD below; never below 60
    final TreatmentCharge copper =
        new TreatmentCharge(
            new BigDecimal("80"),
            new PriceEscalator(
                Element.CU,
                new BigDecimal("9000"),
                List.of(EscalationTier.to("9500", "0.10"), EscalationTier.unlimited("0")),
                List.of(EscalationTier.unlimited("0.05"))),
            new BigDecimal("60"),
            null);

    assertThat(copper.chargeAt(new BigDecimal("12000"))).isEqualByComparingTo("130");
    assertThat(copper.chargeAt(new BigDecimal("8000"))).isEqualByComparingTo("60");
    assertThat(copper.chargeAt(new BigDecimal("8700"))).isEqualByComparingTo("65");
  }
}
