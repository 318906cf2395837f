package org.openmineral.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

class VarProperties {
  private static final BigDecimal C95 = new BigDecimal("0.95");
  private static final BigDecimal C99 = new BigDecimal("0.99");

  /**
   * Random scenarios: a random copper walk of 20..300 prices and a random long or short position.
   */
  @Provide
  Arbitrary<HistoricalScenarios> scenarios() {
    final Arbitrary<List<BigDecimal>> walk =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("1"), new BigDecimal("20000"))
            .ofScale(2)
            .list()
            .ofMinSize(20)
            .ofMaxSize(300);
    final Arbitrary<BigDecimal> quantity =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-5000"), new BigDecimal("5000"))
            .ofScale(3)
            .filter(q -> q.signum() != 0);
    return Combinators.combine(walk, quantity)
        .as(
            (prices, q) -> {
              final List<DatedPrice> dated = new ArrayList<>();
              final LocalDate d0 = LocalDate.of(2000, 1, 3);
              for (int i = 0; i < prices.size(); i++) {
                dated.add(new DatedPrice(d0.plusDays(i), prices.get(i)));
              }
              return HistoricalScenarios.of(
                  List.of(new PricePosition("p", Element.CU, q)),
                  PriceHistory.of(
                      List.of(new HistoricalPrices(Element.CU, PriceUnit.USD_PER_T, dated))));
            });
  }

  @Property(tries = 300)
  void varAt99IsAtLeastVarAt95(@ForAll("scenarios") final HistoricalScenarios scenarios) {
    assertThat(scenarios.valueAtRisk(C99).valueAtRisk())
        .isGreaterThanOrEqualTo(scenarios.valueAtRisk(C95).valueAtRisk());
  }

  @Property(tries = 300)
  void expectedShortfallIsAtLeastVar(@ForAll("scenarios") final HistoricalScenarios scenarios) {
    for (final BigDecimal c : List.of(C95, C99)) {
      final HistoricalVar var = scenarios.valueAtRisk(c);
      assertThat(var.expectedShortfall()).isGreaterThanOrEqualTo(var.valueAtRisk());
    }
  }

  @Property(tries = 300)
  void noMoreThanOneMinusCOfTheScenariosLoseMoreThanVar(
      @ForAll("scenarios") final HistoricalScenarios scenarios) {
    final HistoricalVar var = scenarios.valueAtRisk(C95);
    final long worse =
        scenarios.scenarios().stream()
            .filter(s -> s.pnl().negate().compareTo(var.valueAtRisk()) > 0)
            .count();
    assertThat(BigDecimal.valueOf(worse))
        .isLessThanOrEqualTo(
            BigDecimal.valueOf(var.scenarioCount()).multiply(BigDecimal.ONE.subtract(C95)));
  }
}
