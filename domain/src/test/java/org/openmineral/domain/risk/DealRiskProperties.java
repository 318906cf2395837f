package org.openmineral.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.openmineral.domain.units.Element;

class DealRiskProperties {
  private static final DealRiskModel MODEL = DealRiskModel.standard();

  private static DealRiskInput input(
      final BigDecimal credit,
      final String country,
      final KycRating kyc,
      final BigDecimal deal,
      final BigDecimal inMetal,
      final BigDecimal vol) {
    final BigDecimal total = inMetal.add(new BigDecimal("1000"));
    return new DealRiskInput(
        "d",
        credit,
        country,
        kyc,
        new DeskConcentration(Element.CU, deal, total, inMetal, BigDecimal.ZERO),
        new ReturnVolatility(Element.CU, 100, BigDecimal.ZERO, BigDecimal.ZERO, 12, vol));
  }

  @Property
  void theScoreIsBetween0And100(
      @ForAll @BigRange(min = "0", max = "5") @Scale(6) final BigDecimal credit,
      @ForAll("countries") final String country,
      @ForAll final KycRating kyc,
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) final BigDecimal deal,
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) final BigDecimal inMetal,
      @ForAll @BigRange(min = "0", max = "3") @Scale(6) final BigDecimal vol) {
    final BigDecimal score = MODEL.score(input(credit, country, kyc, deal, inMetal, vol)).score();
    assertThat(score).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
  }

  @Property
  void moreCreditUseNeverLowersTheScore(
      @ForAll @BigRange(min = "0", max = "3") @Scale(6) final BigDecimal credit,
      @ForAll @BigRange(min = "0", max = "1") @Scale(6) final BigDecimal more,
      @ForAll("countries") final String country,
      @ForAll final KycRating kyc,
      @ForAll @BigRange(min = "0", max = "3") @Scale(6) final BigDecimal vol) {
    final BigDecimal deal = new BigDecimal("500");
    final BigDecimal inMetal = new BigDecimal("2000");
    final BigDecimal lower = MODEL.score(input(credit, country, kyc, deal, inMetal, vol)).score();
    final BigDecimal higher =
        MODEL.score(input(credit.add(more), country, kyc, deal, inMetal, vol)).score();
    assertThat(higher).isGreaterThanOrEqualTo(lower);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> countries() {
    return net.jqwik.api.Arbitraries.of("DE", "CL", "PE", "CN", "RU", "IR", "KP", "ZA", "cd");
  }
}
