package org.openmineral.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.PriceUnit;

class HistoricalVarTest {
  private static final LocalDate D0 = LocalDate.of(2026, 1, 5);

  /** Copper 100, 95, 104.5, 94.05, 103.455: returns -5 %, +10 %, -10 %, +10 %. */
  private static PriceHistory handHistory() {
    return PriceHistory.of(
        List.of(
            new HistoricalPrices(
                Element.CU,
                PriceUnit.USD_PER_T,
                List.of(
                    DatedPrice.of(D0, "100"),
                    DatedPrice.of(D0.plusDays(1), "95"),
                    DatedPrice.of(D0.plusDays(2), "104.5"),
                    DatedPrice.of(D0.plusDays(3), "94.05"),
                    DatedPrice.of(D0.plusDays(4), "103.455")))));
  }

  private static HistoricalScenarios handScenarios() {
    return HistoricalScenarios.of(
        List.of(PricePosition.of("A", Element.CU, "1.5"), PricePosition.of("B", Element.CU, "0.5")),
        handHistory());
  }

  @Test
  void theTailRankIsFloorOfNTimesOneMinusCPlusOne() {
    assertThat(HistoricalVar.tailRank(100, new BigDecimal("0.95"))).isEqualTo(6);
    assertThat(HistoricalVar.tailRank(100, new BigDecimal("0.99"))).isEqualTo(2);
    assertThat(HistoricalVar.tailRank(20, new BigDecimal("0.95"))).isEqualTo(2);
    assertThat(HistoricalVar.tailRank(790, new BigDecimal("0.95"))).isEqualTo(40);
    assertThat(HistoricalVar.tailRank(790, new BigDecimal("0.99"))).isEqualTo(8);
    assertThat(HistoricalVar.tailRank(4, new BigDecimal("0.75"))).isEqualTo(2);
    assertThat(HistoricalVar.tailRank(1, new BigDecimal("0.99"))).isEqualTo(1);
  }

  @Test
  void scenariosApplyEachReturnToTodaysMarkedPortfolio() {
    // given 2 t copper (two positions netted) marked at the last price 103.455 = 206.91 USD
    // when
    final HistoricalScenarios scenarios = handScenarios();
    // then P&L_i = 206.91 x r_i = -10.3455, +20.691, -20.691, +20.691
    assertThat(scenarios.marks()).hasSize(1);
    final PositionMark mark = scenarios.marks().getFirst();
    assertThat(mark.positions()).isEqualTo(2);
    assertThat(mark.quantity()).isEqualByComparingTo("2");
    assertThat(mark.price()).isEqualByComparingTo("103.455");
    assertThat(mark.value()).isEqualByComparingTo("206.91");
    assertThat(scenarios.scenarios())
        .extracting(ScenarioPnl::pnl)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("-10.3455"),
            new BigDecimal("20.691"),
            new BigDecimal("-20.691"),
            new BigDecimal("20.691"));
    assertThat(scenarios.scenarios().getFirst().returns().get(Element.CU))
        .isEqualByComparingTo("-0.05");
  }

  @Test
  void varIsMinusTheKthWorstPnlAndEsTheMeanOfTheKWorst() {
    // given the four hand scenarios sorted: -20.691, -10.3455, 20.691, 20.691
    final HistoricalScenarios scenarios = handScenarios();
    // when at 75 %: k = floor(4 x 0.25) + 1 = 2
    final HistoricalVar var75 = scenarios.valueAtRisk(new BigDecimal("0.75"));
    // then VaR = 10.3455 and ES = (20.691 + 10.3455) / 2 = 15.51825
    assertThat(var75.tailRank()).isEqualTo(2);
    assertThat(var75.valueAtRisk()).isEqualByComparingTo("10.3455");
    assertThat(var75.expectedShortfall()).isEqualByComparingTo("15.51825");
    assertThat(var75.valueAtRiskUsd()).isEqualTo(Money.usd("10.35"));
    assertThat(var75.expectedShortfallUsd()).isEqualTo(Money.usd("15.52"));
    assertThat(var75.tail()).extracting(ScenarioPnl::from).containsExactly(D0.plusDays(2), D0);
    // and at 95 %: k = floor(0.2) + 1 = 1, VaR = ES = the worst loss 20.691
    final HistoricalVar var95 = scenarios.valueAtRisk(new BigDecimal("0.95"));
    assertThat(var95.valueAtRisk()).isEqualByComparingTo("20.691");
    assertThat(var95.expectedShortfall()).isEqualByComparingTo("20.691");
    // and at 50 %: k = 3, the 3rd worst is a gain of 20.691, so VaR is negative
    assertThat(scenarios.valueAtRisk(new BigDecimal("0.5")).valueAtRisk())
        .isEqualByComparingTo("-20.691");
  }

  @Test
  void onlyDatesEveryHeldMetalHasArePriced() {
    // given copper with an extra date that zinc lacks
    final PriceHistory history =
        PriceHistory.of(
            List.of(
                new HistoricalPrices(
                    Element.CU,
                    PriceUnit.USD_PER_T,
                    List.of(
                        DatedPrice.of(D0, "100"),
                        DatedPrice.of(D0.plusDays(1), "200"),
                        DatedPrice.of(D0.plusDays(2), "110"))),
                new HistoricalPrices(
                    Element.ZN,
                    PriceUnit.USD_PER_T,
                    List.of(DatedPrice.of(D0, "50"), DatedPrice.of(D0.plusDays(2), "40")))));
    // when long 1 t copper and long 1 t zinc
    final HistoricalScenarios scenarios =
        HistoricalScenarios.of(
            List.of(PricePosition.of("C", Element.CU, "1"), PricePosition.of("Z", Element.ZN, "1")),
            history);
    // then one scenario D0 -> D0+2: 110 x 10 % + 40 x -20 % = 11 - 8 = 3
    assertThat(scenarios.scenarios()).hasSize(1);
    assertThat(scenarios.scenarios().getFirst().pnl()).isEqualByComparingTo("3");
    assertThat(scenarios.portfolioValue()).isEqualByComparingTo("150");
  }

  @Test
  void aLongerHorizonUsesOverlappingWindows() {
    // given the hand history and a 2-observation horizon
    final HistoricalScenarios scenarios =
        HistoricalScenarios.of(List.of(PricePosition.of("A", Element.CU, "1")), handHistory(), 2);
    // then 3 windows: 104.5/100, 94.05/95, 103.455/104.5
    assertThat(scenarios.scenarios()).hasSize(3);
    assertThat(scenarios.scenarios().get(0).returns().get(Element.CU))
        .isEqualByComparingTo("0.045");
    assertThat(scenarios.scenarios().get(1).returns().get(Element.CU))
        .isEqualByComparingTo("-0.01");
    assertThat(scenarios.scenarios().get(2).returns().get(Element.CU))
        .isEqualByComparingTo("-0.01");
  }

  @Test
  void aPositionWithoutHistoryIsRefused() {
    assertThatThrownBy(
            () ->
                HistoricalScenarios.of(
                    List.of(PricePosition.of("N", Element.NI, "1")), handHistory()))
        .isInstanceOf(RiskInputException.class)
        .hasMessageContaining("no price history for Ni");
  }

  @Test
  void aConfidenceOfOneIsRefused() {
    assertThatThrownBy(() -> handScenarios().valueAtRisk(BigDecimal.ONE))
        .isInstanceOf(RiskInputException.class)
        .hasMessageContaining("strictly between 0 and 1");
  }

  @Test
  void worldBankMonthlyHistoryGivesTheIndependentlyComputedFigures() {
    // given long 1,000 t copper, short 2,000 t aluminium, long 5,000 ozt gold, marked at 2025-11
    // monthly averages (Source: World Bank Commodity Price Data (The Pink Sheet), December 2025)
    final HistoricalScenarios scenarios =
        HistoricalScenarios.of(
            List.of(
                PricePosition.of("cu", Element.CU, "1000"),
                PricePosition.of("al", Element.AL, "-2000"),
                PricePosition.of("au", Element.AU, "5000")),
            WorldBankMonthlyPrices.copperAluminiumGold());
    // when
    final HistoricalVar var95 = scenarios.valueAtRisk(new BigDecimal("0.95"));
    final HistoricalVar var99 = scenarios.valueAtRisk(new BigDecimal("0.99"));
    // then (figures recomputed independently with Python's decimal module at 34 digits)
    assertThat(scenarios.portfolioValue()).isEqualByComparingTo("25609860.00");
    assertThat(var95.scenarioCount()).isEqualTo(790);
    assertThat(var95.tailRank()).isEqualTo(40);
    assertThat(var95.valueAtRiskUsd()).isEqualTo(Money.usd("1607004.14"));
    assertThat(var95.expectedShortfallUsd()).isEqualTo(Money.usd("2385703.75"));
    assertThat(var95.tail().getLast().from()).isEqualTo(LocalDate.of(1983, 9, 1));
    assertThat(var99.tailRank()).isEqualTo(8);
    assertThat(var99.valueAtRiskUsd()).isEqualTo(Money.usd("2853831.89"));
    assertThat(var99.expectedShortfallUsd()).isEqualTo(Money.usd("3503208.32"));
    assertThat(var99.tail().getFirst().from()).isEqualTo(LocalDate.of(1980, 2, 1));
    assertThat(var99.explain())
        .startsWith("VaR 99% (1-observation horizon): USD 2853831.89, the 8-th worst of 790");
  }
}
