package org.openmineral.domain.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;

class ConcentrateValuerTest {
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  /**
   * The request of the pricing API's specification, computed by hand (and independently with
   * Python's decimal module at 34 digits):
   *
   * <pre>
   * dmt      = 10,000 × (1 − 0.08)                          = 9,200
   * Cu       = min(25 × 0.965, 25 − 1) = 24.0 % → 0.24 t × 9,000  = 2,160.0000
   * Au       = 1.5 × 0.90 = 1.35 g/dmt = 0.043403… ozt × 2,000   =    86.8070
   * TC                                                    =   −80.0000
   * RC Cu    = 0.24 t × 2,204.6226… lb/t × 0.08            =   −42.3288
   * RC Au    = 0.043403… ozt × 5                           =    −0.2170
   * As       = (0.35 − 0.20) / 0.10 × 3.00                 =    −4.5000
   * NSR                                                    = 2,119.7612 USD/dmt
   * </pre>
   */
  @Test
  void apiSpecificationExampleIsValuedLineByLine() {
    // given
    final ConcentrateLot lot =
        new ConcentrateLot(
            DryWeight.of(new BigDecimal("10000"), new BigDecimal("8.0"), null),
            Map.of(
                Element.CU, Assay.percent(Element.CU, "25.0"),
                Element.AU, Assay.gramsPerDmt(Element.AU, "1.5"),
                Element.AS, Assay.percent(Element.AS, "0.35")));
    final ValuationTerms terms =
        new ValuationTerms(
            List.of(
                PayableTerm.of(Element.CU, "96.5").withMinDeduction("1.0"),
                PayableTerm.of(Element.AU, "90").withMinContent("1.0")),
            TreatmentCharge.flat("80"),
            List.of(
                RefiningCharge.of(Element.CU, "0.08", RefiningUnit.USD_PER_LB),
                RefiningCharge.of(Element.AU, "5", RefiningUnit.USD_PER_OZT)),
            List.of(
                Penalty.of(
                    Element.AS,
                    new PenaltyBand(
                        new BigDecimal("0.2"),
                        null,
                        new BigDecimal("0.1"),
                        new BigDecimal("3.0"),
                        true))));
    final Map<Element, Price> prices =
        Map.of(
            Element.CU, Price.of("9000", PriceUnit.USD_PER_T),
            Element.AU, Price.of("2000", PriceUnit.USD_PER_OZT));

    // when
    final Valuation valuation = valuer.value(lot, terms, prices);

    // then
    assertThat(valuation.dryTonnes()).isEqualByComparingTo("9200");
    assertThat(valuation.nsrPerDmt()).isEqualByComparingTo("2119.7612");
    assertThat(valuation.lines())
        .extracting(l -> l.kind() + ":" + (l.element() == null ? "" : l.element().symbol()))
        .containsExactly("PAYABLE:Cu", "PAYABLE:Au", "TC:", "RC:Cu", "RC:Au", "PENALTY:As");
    assertThat(valuation.lines())
        .extracting(l -> l.amountPerDmt().setScale(4, RoundingMode.HALF_UP))
        .containsExactly(
            new BigDecimal("2160.0000"),
            new BigDecimal("86.8070"),
            new BigDecimal("-80.0000"),
            new BigDecimal("-42.3288"),
            new BigDecimal("-0.2170"),
            new BigDecimal("-4.5000"));
    assertThat(valuation.lines())
        .extracting(l -> l.amount().amount())
        .containsExactly(
            new BigDecimal("19872000.00"),
            new BigDecimal("798624.54"),
            new BigDecimal("-736000.00"),
            new BigDecimal("-389424.54"),
            new BigDecimal("-1996.56"),
            new BigDecimal("-41400.00"));
    assertThat(valuation.lotValue()).isEqualTo(Money.usd("19501803.44"));
    final ValuationLine gold = valuation.lines(ValuationLine.Kind.PAYABLE).get(1);
    assertThat(gold.quantity()).isEqualByComparingTo("399.312");
    assertThat(gold.unit()).isEqualTo("OZT");
  }

  /**
   * Boliden Commercial AB, "Copper smelter revenue stream", Capital Markets Day, 4 November 2008,
   * sections 3.1 and 4.i: "pay for 96.65 % of the final copper content, subject to a minimum
   * deduction of 1.0 unit"; a 24 % concentrate pays 24 − 1 = 23 %, and a refining charge of 4.5
   * USc/lb of payable copper costs 23 % × 22.046 × 4.5 USc/lb = 22.8 USD/dmt.
   */
  @Test
  void publishedCopperClauseAppliesTheMinimumDeductionAndRefiningChargePerPound() {
    // given
    final ConcentrateLot lot =
        new ConcentrateLot(
            DryWeight.of(new BigDecimal("1"), BigDecimal.ZERO, null),
            Map.of(Element.CU, Assay.percent(Element.CU, "24")));
    final ValuationTerms terms =
        new ValuationTerms(
            List.of(PayableTerm.of(Element.CU, "96.65").withMinDeduction("1.0")),
            null,
            List.of(RefiningCharge.of(Element.CU, "0.045", RefiningUnit.USD_PER_LB)),
            List.of());

    // when
    final Valuation valuation =
        valuer.value(lot, terms, Map.of(Element.CU, Price.of("7000", PriceUnit.USD_PER_T)));

    // then
    final ValuationLine payable = valuation.lines(ValuationLine.Kind.PAYABLE).getFirst();
    assertThat(payable.quantity()).isEqualByComparingTo("0.23");
    assertThat(payable.explanation()).contains("minimum deduction of 1.0");
    final ValuationLine rc = valuation.lines(ValuationLine.Kind.RC).getFirst();
    assertThat(rc.amountPerDmt().negate().setScale(1, RoundingMode.HALF_UP))
        .isEqualByComparingTo("22.8");
  }

  @Test
  void richConcentrateIsPaidByPercentageWhenThatDeductsMoreThanTheMinimum() {
    // given 35 % Cu: 35 × 96.65 % = 33.8275 % leaves less than 35 − 1 = 34 %
    final PayableTerm copper = PayableTerm.of(Element.CU, "96.65").withMinDeduction("1.0");

    // when
    final PayableTerm.PayableGrade payable = copper.payableGrade(new BigDecimal("35"));

    // then
    assertThat(payable.grade()).isEqualByComparingTo("33.8275");
    assertThat(payable.rule()).contains("96.65 %");
  }

  @Test
  void preciousMetalBelowMinimumContentIsNotPaid() {
    // given
    final ConcentrateLot lot =
        new ConcentrateLot(
            DryWeight.of(new BigDecimal("100"), BigDecimal.ZERO, null),
            Map.of(Element.AU, Assay.gramsPerDmt(Element.AU, "0.9")));
    final ValuationTerms terms =
        new ValuationTerms(
            List.of(PayableTerm.of(Element.AU, "90").withMinContent("1.0")), null, null, null);

    // when
    final Valuation valuation =
        valuer.value(lot, terms, Map.of(Element.AU, Price.of("2000", PriceUnit.USD_PER_OZT)));

    // then
    assertThat(valuation.lotValue()).isEqualTo(Money.usd("0.00"));
    assertThat(valuation.lines().getFirst().explanation()).contains("below the minimum content");
  }

  @Test
  void payableTableBandReplacesThePercentageForItsGrades() {
    // given silver paid 90 % between 30 and 100 g/dmt, 95 % above, deduct 30 g below 100
    final PayableTerm silver =
        new PayableTerm(
            Element.AG,
            null,
            null,
            new BigDecimal("30"),
            List.of(
                new GradeBand(
                    new BigDecimal("30"),
                    new BigDecimal("100"),
                    new BigDecimal("90"),
                    new BigDecimal("30")),
                new GradeBand(new BigDecimal("100"), null, new BigDecimal("95"), null)));

    // when / then
    assertThat(silver.payableGrade(new BigDecimal("80")).grade()).isEqualByComparingTo("50");
    assertThat(silver.payableGrade(new BigDecimal("200")).grade()).isEqualByComparingTo("190");
    assertThat(silver.payableGrade(new BigDecimal("20")).grade()).isEqualByComparingTo("0");
  }

  @Test
  void wetTonnesLoseMoistureAndThenTheWeightFranchise() {
    // when
    final DryWeight weight =
        DryWeight.of(new BigDecimal("10000"), new BigDecimal("8"), new BigDecimal("0.1"));

    // then
    assertThat(weight.dryTonnesBeforeFranchise()).isEqualByComparingTo("9200");
    assertThat(weight.franchiseTonnes()).isEqualByComparingTo("9.2");
    assertThat(weight.dryTonnes()).isEqualByComparingTo("9190.8");
  }

  @Test
  void lotValueIsTheSumOfItsRoundedLines() {
    // given an awkward tonnage
    final Valuation valuation =
        valuer.value(
            new ConcentrateLot(
                DryWeight.of(
                    new BigDecimal("1234.567"), new BigDecimal("9.13"), new BigDecimal("0.1")),
                Map.of(
                    Element.CU,
                    Assay.percent(Element.CU, "27.31"),
                    Element.AG,
                    Assay.gramsPerDmt(Element.AG, "87.3"))),
            new ValuationTerms(
                List.of(
                    PayableTerm.of(Element.CU, "96.5").withMinDeduction("1"),
                    PayableTerm.of(Element.AG, "90").withMinContent("30")),
                TreatmentCharge.flat("73.7"),
                List.of(RefiningCharge.of(Element.CU, "0.0737", RefiningUnit.USD_PER_LB)),
                List.of()),
            Map.of(
                Element.CU, Price.of("9431.25", PriceUnit.USD_PER_T),
                Element.AG, Price.of("31.17", PriceUnit.USD_PER_OZT)));

    // then
    final Money sum =
        valuation.lines().stream().map(ValuationLine::amount).reduce(Money.usd("0"), Money::plus);
    assertThat(valuation.lotValue()).isEqualTo(sum);
    assertThat(valuation.lotValue().amount().scale()).isEqualTo(2);
  }

  @Test
  void missingPriceForAPayableElementNamesTheField() {
    final ConcentrateLot lot =
        new ConcentrateLot(
            DryWeight.of(BigDecimal.TEN, BigDecimal.ZERO, null),
            Map.of(Element.CU, Assay.percent(Element.CU, "25")));
    final ValuationTerms terms =
        new ValuationTerms(List.of(PayableTerm.of(Element.CU, "96.5")), null, null, null);

    assertThatThrownBy(() -> valuer.value(lot, terms, Map.of()))
        .isInstanceOf(InvalidValuationInput.class)
        .satisfies(e -> assertThat(((InvalidValuationInput) e).field()).isEqualTo("prices.Cu"));
  }

  @Test
  void negativeTonnageAndFullMoistureAreRefusedNamingTheField() {
    assertThatThrownBy(() -> DryWeight.of(new BigDecimal("-1"), BigDecimal.ONE, null))
        .isInstanceOf(InvalidValuationInput.class)
        .satisfies(e -> assertThat(((InvalidValuationInput) e).field()).isEqualTo("wetTonnes"));
    assertThatThrownBy(() -> DryWeight.of(BigDecimal.TEN, new BigDecimal("100"), null))
        .isInstanceOf(InvalidValuationInput.class)
        .satisfies(e -> assertThat(((InvalidValuationInput) e).field()).isEqualTo("moisturePct"));
  }

  @Test
  void penaltyElementWithoutAssayIsRefusedRatherThanTakenAsZero() {
    final ConcentrateLot lot =
        new ConcentrateLot(
            DryWeight.of(BigDecimal.TEN, BigDecimal.ZERO, null),
            Map.of(Element.CU, Assay.percent(Element.CU, "25")));
    final ValuationTerms terms =
        new ValuationTerms(
            List.of(PayableTerm.of(Element.CU, "96.5")),
            null,
            null,
            List.of(
                Penalty.of(
                    Element.BI,
                    new PenaltyBand(
                        new BigDecimal("0.02"),
                        null,
                        new BigDecimal("0.01"),
                        new BigDecimal("2"),
                        true))));

    assertThatThrownBy(
            () ->
                valuer.value(lot, terms, Map.of(Element.CU, Price.of("9000", PriceUnit.USD_PER_T))))
        .isInstanceOf(InvalidValuationInput.class)
        .hasMessageContaining("assays.Bi");
  }

  @Test
  void leadPlusZincPenaltyUsesTheSumOfBothAssays() {
    // given Pb 2.1 % + Zn 1.4 % = 3.5 %, penalised 1.50 per 1 % above 3 %
    final Valuation valuation =
        valuer.value(
            new ConcentrateLot(
                DryWeight.of(BigDecimal.ONE, BigDecimal.ZERO, null),
                Map.of(
                    Element.CU,
                    Assay.percent(Element.CU, "25"),
                    Element.PB,
                    Assay.percent(Element.PB, "2.1"),
                    Element.ZN,
                    Assay.percent(Element.ZN, "1.4"))),
            new ValuationTerms(
                List.of(PayableTerm.of(Element.CU, "96.5")),
                null,
                null,
                List.of(
                    Penalty.of(
                        Element.PB_ZN,
                        new PenaltyBand(
                            new BigDecimal("3"),
                            null,
                            BigDecimal.ONE,
                            new BigDecimal("1.50"),
                            true)))),
            Map.of(Element.CU, Price.of("9000", PriceUnit.USD_PER_T)));

    assertThat(valuation.lines(ValuationLine.Kind.PENALTY).getFirst().amountPerDmt())
        .isEqualByComparingTo("-0.75");
  }
}
