package org.openmineral.domain.hedging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.openmineral.domain.units.Element;

class ExposureProperties {
  private static final LocalDate BASE = LocalDate.of(2026, 1, 1);

  @Provide
  Arbitrary<Element> metals() {
    return Arbitraries.of(Element.CU, Element.ZN, Element.PB, Element.NI, Element.AL, Element.SN);
  }

  @Property
  void aBackToBackPairAtFixedPricesHasNoExposureOnceBothAreFixed(
      @ForAll("metals") final Element metal,
      @ForAll @BigRange(min = "0.0001", max = "100000") @Scale(4) final BigDecimal quantity,
      @ForAll @IntRange(min = 0, max = 60) final int purchaseDay,
      @ForAll @IntRange(min = 0, max = 60) final int saleDay,
      @ForAll @IntRange(min = 0, max = 120) final int asOfDay) {
    // given a fixed-price purchase and its back-to-back fixed-price sale of the same quantity
    final TradingBook book =
        new TradingBook(
            List.of(
                PhysicalLeg.purchase(
                    "P", metal, quantity, new FixedPrice(BASE.plusDays(purchaseDay))),
                PhysicalLeg.sale("S", metal, quantity, new FixedPrice(BASE.plusDays(saleDay)))),
            List.of(),
            List.of(new BackToBackPair("P", "S")));
    // when valued on any date after both fixings
    final LocalDate asOf = BASE.plusDays(Math.max(purchaseDay, saleDay) + asOfDay);
    final PriceExposure exposure = PriceExposure.of(book, asOf);
    // then it is flat
    assertThat(exposure.metal(metal).flatPrice()).isEqualByComparingTo("0");
    assertThat(exposure.qpMismatches().getFirst().exposure()).isEqualByComparingTo("0");
  }

  @Property
  void aPairPricedOverTheSameQpIsFlatEveryDay(
      @ForAll @BigRange(min = "0.0001", max = "100000") @Scale(4) final BigDecimal quantity,
      @ForAll @IntRange(min = 0, max = 90) final int asOfDay) {
    final QpPricing qp = QpPricing.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31));
    final TradingBook book =
        TradingBook.ofLegs(
            List.of(
                PhysicalLeg.purchase("P", Element.CU, quantity, qp),
                PhysicalLeg.sale("S", Element.CU, quantity, qp)));
    assertThat(PriceExposure.of(book, BASE.plusDays(asOfDay)).metal(Element.CU).flatPrice())
        .isEqualByComparingTo("0");
  }

  @Property
  void pricedPlusUnpricedIsTheLegQuantityAndPricingOnlyGrows(
      @ForAll @BigRange(min = "0.0001", max = "100000") @Scale(4) final BigDecimal quantity,
      @ForAll @IntRange(min = 0, max = 90) final int asOfDay) {
    final QpPricing qp = QpPricing.between(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 13));
    final PhysicalLeg leg = PhysicalLeg.purchase("P", Element.CU, quantity, qp);
    final LegExposure today = LegExposure.of(leg, qp.progressOn(BASE.plusDays(asOfDay)));
    final LegExposure tomorrow = LegExposure.of(leg, qp.progressOn(BASE.plusDays(asOfDay + 1)));
    assertThat(today.pricedQuantity().add(today.unpricedQuantity())).isEqualByComparingTo(quantity);
    assertThat(tomorrow.pricedQuantity()).isGreaterThanOrEqualTo(today.pricedQuantity());
  }

  @Property
  void theResidualAfterTheSuggestedHedgeIsAtMostHalfALot(
      @ForAll("metals") final Element metal,
      @ForAll @BigRange(min = "-100000", max = "100000") @Scale(4) final BigDecimal exposure) {
    final ExchangeContract contract =
        ContractSpecifications.standard().forMetal(metal).orElseThrow();
    final HedgeSuggestion hedge = HedgeSuggestion.toFlatten(exposure, contract);
    assertThat(hedge.residual().abs().multiply(BigDecimal.TWO))
        .isLessThanOrEqualTo(contract.lotSize());
    assertThat(hedge.residual()).isEqualByComparingTo(exposure.add(hedge.hedgeQuantity()));
  }
}
