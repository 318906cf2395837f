package org.openmineral.domain.hedging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

class PriceExposureTest {
  private static final YearMonth JANUARY_2026 = YearMonth.of(2026, 1);
  private static final ExchangeContract LME_CU =
      ContractSpecifications.standard().forMetal(Element.CU).orElseThrow();

  /** Purchase 1,000 t Cu priced QP M+1 (February 2026), sold back-to-back QP M+2 (March 2026). */
  private static TradingBook qpMismatchBook() {
    return new TradingBook(
        List.of(
            PhysicalLeg.purchase(
                "P1", Element.CU, new BigDecimal("1000"), QpPricing.monthAfter(JANUARY_2026, 1)),
            PhysicalLeg.sale(
                "S1", Element.CU, new BigDecimal("1000"), QpPricing.monthAfter(JANUARY_2026, 2))),
        List.of(),
        List.of(new BackToBackPair("P1", "S1")));
  }

  @Test
  void aMonthQpCountsTheWeekdaysAsPricingDays() {
    // given February 2026 (starts on a Sunday) and March 2026 (starts on a Sunday)
    // when counting pricing days
    // then February has 20 weekdays and March 22
    assertThat(QpPricing.month(YearMonth.of(2026, 2)).pricingDays()).isEqualTo(20);
    assertThat(QpPricing.month(YearMonth.of(2026, 3)).pricingDays()).isEqualTo(22);
  }

  @Test
  void aHolidayIsNotAPricingDay() {
    // given March 2026 with 2026-03-02 as an exchange holiday
    final QpPricing qp =
        new QpPricing(
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Set.of(LocalDate.of(2026, 3, 2)));
    // when / then
    assertThat(qp.pricingDays()).isEqualTo(21);
    assertThat(qp.progressOn(LocalDate.of(2026, 3, 2))).isEqualTo(new PricingProgress(0, 21));
  }

  @Test
  void duringThePurchaseQpTheDeskIsLongWhatThePurchaseHasPriced() {
    // given the M+1 / M+2 back-to-back pair
    // when valued at the end of 2026-02-10 (7 of February's 20 pricing days have passed:
    // 2,3,4,5,6,9,10)
    final PriceExposure exposure = PriceExposure.of(qpMismatchBook(), LocalDate.of(2026, 2, 10));
    // then the purchase has priced 1000 x 7/20 = 350 t and the sale nothing: long 350 t
    final MetalExposure copper = exposure.metal(Element.CU);
    assertThat(copper.pricedPurchases()).isEqualByComparingTo("350");
    assertThat(copper.unpricedPurchases()).isEqualByComparingTo("650");
    assertThat(copper.pricedSales()).isEqualByComparingTo("0");
    assertThat(copper.unpricedSales()).isEqualByComparingTo("1000");
    assertThat(copper.flatPrice()).isEqualByComparingTo("350");
    assertThat(copper.legs().getFirst().progress()).isEqualTo(new PricingProgress(7, 20));
    final QpMismatch mismatch = exposure.qpMismatches().getFirst();
    assertThat(mismatch.exposure()).isEqualByComparingTo("350");
    assertThat(mismatch.side()).isEqualTo("long");
    assertThat(mismatch.explain()).contains("P1/S1").contains("7/20").contains("long 350 t");
  }

  @Test
  void betweenTheTwoQpsTheDeskIsLongTheWholeQuantity() {
    // given the M+1 / M+2 pair
    // when valued on 2026-02-28, after the purchase QP and before the sale QP
    final PriceExposure exposure = PriceExposure.of(qpMismatchBook(), LocalDate.of(2026, 2, 28));
    // then long 1,000 t
    assertThat(exposure.metal(Element.CU).flatPrice()).isEqualByComparingTo("1000");
  }

  @Test
  void duringTheSaleQpTheLongRunsOffPricingDayByPricingDay() {
    // given the M+1 / M+2 pair
    // when valued at the end of 2026-03-10 (7 of March's 22 pricing days)
    final PriceExposure exposure = PriceExposure.of(qpMismatchBook(), LocalDate.of(2026, 3, 10));
    // then long 1000 - 1000 x 7/22 = 681.8181... t
    final BigDecimal expected =
        new BigDecimal("1000")
            .subtract(new BigDecimal("7000").divide(new BigDecimal("22"), MathContext.DECIMAL128));
    assertThat(exposure.metal(Element.CU).flatPrice()).isEqualByComparingTo(expected);
    assertThat(exposure.metal(Element.CU).pricedSales().toPlainString()).startsWith("318.1818");
  }

  @Test
  void onceBothLegsArePricedThePairIsFlat() {
    // given the M+1 / M+2 pair
    // when valued on 2026-04-01
    final PriceExposure exposure = PriceExposure.of(qpMismatchBook(), LocalDate.of(2026, 4, 1));
    // then no exposure is left
    assertThat(exposure.metal(Element.CU).flatPrice()).isEqualByComparingTo("0");
    assertThat(exposure.qpMismatches().getFirst().side()).isEqualTo("flat");
  }

  @Test
  void futuresCountInFullLongPlusShortMinus() {
    // given the pair long 350 t on 2026-02-10, hedged by 14 short LME copper lots
    final TradingBook pair = qpMismatchBook();
    final TradingBook hedged =
        new TradingBook(pair.legs(), List.of(new FuturesPosition("F1", LME_CU, -14)), pair.pairs());
    // when
    final MetalExposure copper =
        PriceExposure.of(hedged, LocalDate.of(2026, 2, 10)).metal(Element.CU);
    // then physical +350, futures -350, flat 0
    assertThat(copper.physicalFlatPrice()).isEqualByComparingTo("350");
    assertThat(copper.futuresQuantity()).isEqualByComparingTo("-350");
    assertThat(copper.flatPrice()).isEqualByComparingTo("0");
  }

  @Test
  void aFixedPriceLegIsUnpricedBeforeItsFixingDateAndFullyPricedFromIt() {
    // given a sale of 2,000 ozt gold fixed on 2026-02-10
    final TradingBook book =
        TradingBook.ofLegs(
            List.of(
                PhysicalLeg.sale(
                    "S-AU",
                    Element.AU,
                    new BigDecimal("2000"),
                    new FixedPrice(LocalDate.of(2026, 2, 10)))));
    // when / then
    assertThat(PriceExposure.of(book, LocalDate.of(2026, 2, 9)).metal(Element.AU).flatPrice())
        .isEqualByComparingTo("0");
    final MetalExposure gold = PriceExposure.of(book, LocalDate.of(2026, 2, 10)).metal(Element.AU);
    assertThat(gold.flatPrice()).isEqualByComparingTo("-2000");
    assertThat(gold.unit()).isEqualTo(QuantityUnit.TROY_OUNCE);
  }

  @Test
  void aPairOfTwoPurchasesIsRejectedWithAClearMessage() {
    // given two purchases named as a pair
    final List<PhysicalLeg> legs =
        List.of(
            PhysicalLeg.purchase("P1", Element.CU, BigDecimal.TEN, QpPricing.month(JANUARY_2026)),
            PhysicalLeg.purchase("P2", Element.CU, BigDecimal.TEN, QpPricing.month(JANUARY_2026)));
    // when / then
    assertThatThrownBy(
            () -> new TradingBook(legs, List.of(), List.of(new BackToBackPair("P1", "P2"))))
        .isInstanceOf(HedgingInputException.class)
        .hasMessageContaining("must name a purchase then a sale");
  }

  @Test
  void aNegativeQuantityIsRejected() {
    assertThatThrownBy(
            () ->
                PhysicalLeg.purchase(
                    "P1",
                    Element.CU,
                    new BigDecimal("-1"),
                    new FixedPrice(LocalDate.of(2026, 1, 1))))
        .isInstanceOf(HedgingInputException.class)
        .hasMessageContaining("must be positive");
  }

  @Test
  void aQpWithoutAPricingDayIsRejected() {
    // given a weekend
    assertThatThrownBy(() -> QpPricing.between(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 8)))
        .isInstanceOf(HedgingInputException.class)
        .hasMessageContaining("no pricing day");
  }
}
