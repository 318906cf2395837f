package org.openmineral.domain.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;

class ValuationPropertiesTest {
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  private final ValuationTerms terms =
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
                      new BigDecimal("0.5"),
                      new BigDecimal("0.1"),
                      new BigDecimal("3"),
                      true),
                  new PenaltyBand(
                      new BigDecimal("0.5"),
                      null,
                      new BigDecimal("0.1"),
                      new BigDecimal("5"),
                      false))));

  private final Map<Element, Price> prices =
      Map.of(
          Element.CU, Price.of("9000", PriceUnit.USD_PER_T),
          Element.AU, Price.of("2000", PriceUnit.USD_PER_OZT));

  private Valuation value(final BigDecimal wet, final BigDecimal cu, final BigDecimal arsenic) {
    return valuer.value(
        new ConcentrateLot(
            DryWeight.of(wet, new BigDecimal("8"), null),
            Map.of(
                Element.CU,
                new Assay(Element.CU, cu, AssayUnit.PCT),
                Element.AU,
                Assay.gramsPerDmt(Element.AU, "1.5"),
                Element.AS,
                new Assay(Element.AS, arsenic, AssayUnit.PCT))),
        terms,
        prices);
  }

  @Property
  void moreOfAPenaltyElementNeverRaisesTheValue(
      @ForAll @BigRange(min = "15", max = "40") @Scale(2) final BigDecimal cu,
      @ForAll @BigRange(min = "0", max = "3") @Scale(3) final BigDecimal arsenic,
      @ForAll @BigRange(min = "0", max = "1") @Scale(3) final BigDecimal moreArsenic) {
    final Valuation base = value(new BigDecimal("1000"), cu, arsenic);
    final Valuation worse = value(new BigDecimal("1000"), cu, arsenic.add(moreArsenic));

    assertThat(worse.nsrPerDmtExact()).isLessThanOrEqualTo(base.nsrPerDmtExact());
  }

  @Property
  void lotValueScalesWithTonnageToWithinRounding(
      @ForAll @BigRange(min = "1", max = "50000") @Scale(3) final BigDecimal wet,
      @ForAll @BigRange(min = "2", max = "10") @Scale(0) final BigDecimal factor,
      @ForAll @BigRange(min = "15", max = "40") @Scale(2) final BigDecimal cu) {
    final Valuation one = value(wet, cu, new BigDecimal("0.35"));
    final Valuation scaled = value(wet.multiply(factor), cu, new BigDecimal("0.35"));

    // each of the 6 lines rounds to half a cent at most, on both sides
    final BigDecimal tolerance =
        new BigDecimal("0.005").multiply(new BigDecimal(6)).multiply(factor.add(BigDecimal.ONE));
    assertThat(scaled.lotValue().amount().subtract(one.lotValue().amount().multiply(factor)).abs())
        .isLessThanOrEqualTo(tolerance);
    assertThat(scaled.nsrPerDmtExact()).isEqualByComparingTo(one.nsrPerDmtExact());
  }
}
