package org.openmineral.domain.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.domain.units.Element.CU;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the assay exchange over generated assays. */
class AssayExchangePropertiesTest {

  @Provide
  Arbitrary<BigDecimal> assay() {
    return Arbitraries.bigDecimals().between(new BigDecimal("10"), new BigDecimal("40")).ofScale(3);
  }

  @Provide
  Arbitrary<BigDecimal> limit() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1")).ofScale(2);
  }

  @Property
  void withinTheLimitTheSettlementIsTheMeanAndLiesBetweenTheParties(
      @ForAll("assay") final BigDecimal seller,
      @ForAll("assay") final BigDecimal buyer,
      @ForAll("limit") final BigDecimal limit,
      @ForAll final UmpireRule rule) {
    final AssayExchangeResult result =
        new AssayExchange(java.util.Map.of(CU, new SplittingLimit(CU, limit, AssayUnit.PCT)), rule)
            .exchange(
                List.of(new Assay(CU, seller, AssayUnit.PCT)),
                List.of(new Assay(CU, buyer, AssayUnit.PCT)));
    final ElementSettlement cu = result.settlement(CU);
    if (seller.subtract(buyer).abs().compareTo(limit) <= 0) {
      assertThat(cu.decision()).isEqualTo(ElementSettlement.Decision.SPLIT);
      final BigDecimal settled = cu.settlementAssay().orElseThrow();
      assertThat(settled).isBetween(seller.min(buyer), seller.max(buyer));
      assertThat(settled.multiply(BigDecimal.valueOf(2))).isEqualByComparingTo(seller.add(buyer));
    } else {
      assertThat(cu.decision()).isEqualTo(ElementSettlement.Decision.AWAITING_UMPIRE);
      assertThat(cu.settlementAssay()).isEmpty();
    }
  }

  @Property
  void anUmpiredSettlementLiesBetweenThePartiesAndTheFurtherPartyPays(
      @ForAll("assay") final BigDecimal seller,
      @ForAll("assay") final BigDecimal buyer,
      @ForAll("assay") final BigDecimal umpire,
      @ForAll final UmpireRule rule) {
    net.jqwik.api.Assume.that(seller.subtract(buyer).abs().compareTo(new BigDecimal("0.20")) > 0);
    final ElementSettlement cu =
        AssayExchange.of(rule, SplittingLimit.percent(CU, "0.20"))
            .settle(
                List.of(new Assay(CU, seller, AssayUnit.PCT)),
                List.of(new Assay(CU, buyer, AssayUnit.PCT)),
                List.of(new Assay(CU, umpire, AssayUnit.PCT)))
            .settlement(CU);
    assertThat(cu.settlementAssay().orElseThrow()).isBetween(seller.min(buyer), seller.max(buyer));
    final int cmp = seller.subtract(umpire).abs().compareTo(buyer.subtract(umpire).abs());
    assertThat(cu.umpireCostBearer())
        .contains(
            cmp > 0
                ? UmpireCostBearer.SELLER
                : cmp < 0 ? UmpireCostBearer.BUYER : UmpireCostBearer.SHARED_EQUALLY);
  }
}
