package org.openmineral.domain.hedging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

class HedgeSuggestionTest {
  private static final ContractSpecifications CONTRACTS = ContractSpecifications.standard();

  private static ExchangeContract contract(final Element metal) {
    return CONTRACTS.forMetal(metal).orElseThrow();
  }

  @Test
  void theStandardTableHasTheLmeAndComexLotSizes() {
    assertThat(contract(Element.CU).lotSize()).isEqualByComparingTo("25");
    assertThat(contract(Element.ZN).lotSize()).isEqualByComparingTo("25");
    assertThat(contract(Element.PB).lotSize()).isEqualByComparingTo("25");
    assertThat(contract(Element.AL).lotSize()).isEqualByComparingTo("25");
    assertThat(contract(Element.NI).lotSize()).isEqualByComparingTo("6");
    assertThat(contract(Element.SN).lotSize()).isEqualByComparingTo("5");
    assertThat(contract(Element.AU).lotSize()).isEqualByComparingTo("100");
    assertThat(contract(Element.AU).unit()).isEqualTo(QuantityUnit.TROY_OUNCE);
    assertThat(contract(Element.AG).lotSize()).isEqualByComparingTo("5000");
  }

  @Test
  void aLongExposureIsFlattenedBySellingTheNearestWholeNumberOfLots() {
    // given long 1000 - 1000 x 7/22 = 681.8182 t copper
    final BigDecimal exposure =
        new BigDecimal("1000")
            .subtract(new BigDecimal("7000").divide(new BigDecimal("22"), MathContext.DECIMAL128));
    // when
    final HedgeSuggestion hedge = HedgeSuggestion.toFlatten(exposure, contract(Element.CU));
    // then exact lots -27.27 -> sell 27 lots = 675 t, residual 6.8182 t long
    assertThat(hedge.lots()).isEqualTo(-27);
    assertThat(hedge.side()).isEqualTo("SELL");
    assertThat(hedge.hedgeQuantity()).isEqualByComparingTo("-675");
    assertThat(hedge.residual().toPlainString()).startsWith("6.81818181");
    assertThat(hedge.explain())
        .startsWith("SELL 27 x LME-CU (25 t) for 681.8182 t long; residual 6.8182 t");
  }

  @Test
  void aShortExposureIsFlattenedByBuying() {
    // given short 50 t nickel: 50/6 = 8.33 lots
    final HedgeSuggestion hedge =
        HedgeSuggestion.toFlatten(new BigDecimal("-50"), contract(Element.NI));
    // then buy 8 lots (48 t), residual 2 t short
    assertThat(hedge.lots()).isEqualTo(8);
    assertThat(hedge.side()).isEqualTo("BUY");
    assertThat(hedge.residual()).isEqualByComparingTo("-2");
  }

  @Test
  void halfALotRoundsAwayFromZero() {
    // given long 312.5 t copper = 12.5 lots, and short 312.5 t
    // then sell 13 lots (residual -12.5 t) / buy 13 lots (residual +12.5 t)
    final HedgeSuggestion longHedge =
        HedgeSuggestion.toFlatten(new BigDecimal("312.5"), contract(Element.CU));
    assertThat(longHedge.lots()).isEqualTo(-13);
    assertThat(longHedge.residual()).isEqualByComparingTo("-12.5");
    final HedgeSuggestion shortHedge =
        HedgeSuggestion.toFlatten(new BigDecimal("-312.5"), contract(Element.CU));
    assertThat(shortHedge.lots()).isEqualTo(13);
    assertThat(shortHedge.residual()).isEqualByComparingTo("12.5");
  }

  @Test
  void lessThanHalfALotIsLeftUnhedged() {
    // given long 2,400 ozt silver, under half a 5,000 ozt lot
    final HedgeSuggestion hedge =
        HedgeSuggestion.toFlatten(new BigDecimal("2400"), contract(Element.AG));
    // then nothing to trade, all residual
    assertThat(hedge.lots()).isZero();
    assertThat(hedge.side()).isEqualTo("NONE");
    assertThat(hedge.residual()).isEqualByComparingTo("2400");
  }

  @Test
  void aMetalWithoutAContractIsRefused() {
    final MetalExposure cobalt =
        MetalExposure.of(Element.CO, QuantityUnit.TONNE, java.util.List.of(), java.util.List.of());
    assertThatThrownBy(() -> HedgeSuggestion.toFlatten(cobalt, CONTRACTS))
        .isInstanceOf(HedgingInputException.class)
        .hasMessageContaining("no hedge contract for Co");
  }

  @Test
  void aTableWithTwoContractsForOneMetalIsRefused() {
    final String csv =
        "code,exchange,metal,lot_size,unit,source\n"
            + "A,LME,Cu,25,TONNE,x\n"
            + "B,COMEX,Cu,11.33981,TONNE,y\n";
    assertThatThrownBy(() -> ContractSpecifications.read(new StringReader(csv)))
        .isInstanceOf(HedgingInputException.class)
        .hasMessageContaining("two hedge contracts for Cu");
  }
}
