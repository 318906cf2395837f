package org.openmineral.domain.pnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.fx.FxRate;
import org.openmineral.domain.hedging.Direction;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.units.Money;

class MarkToMarketTest {
  private static final LocalDate DAY = LocalDate.parse("2002-06-28");

  @Test
  void aPurchaseGainsWhenThePriceRisesAndASaleLoses() {
    // given 221.95 t of copper bought at 9,000 USD/t, marked at 9,500
    final PnlLine bought = line(Direction.PURCHASE, "221.95", "9000", "9500");
    final PnlLine sold = line(Direction.SALE, "221.95", "9000", "9500");

    // then the long gains 221.95 x 500 and the short loses as much
    assertThat(bought.amountUsd()).isEqualByComparingTo("110975.00");
    assertThat(sold.amountUsd()).isEqualByComparingTo("-110975.00");
    assertThat(bought.explanation())
        .isEqualTo(
            "unrealised long: +221.9500 t x (9500 - 9000) USD/t = 110975.00 USD (marked at"
                + " Cu/TEST/USD_PER_T on 2002-06-28)");
  }

  @Test
  void moneyIsRoundedOnceToCentsHalfUpOnTheQuantityShown() {
    // 0.00005 t is rounded to 0.0001 t (4 places half up), then x 0.125 = 0.0000125 -> 0.00
    assertThat(line(Direction.PURCHASE, "0.00005", "1", "1.125").quantityTonnes())
        .isEqualByComparingTo("0.0001");
    // 3 t x 0.005 = 0.015 -> 0.02 (half up), short: -0.02
    assertThat(line(Direction.SALE, "3", "100", "100.005").amountUsd())
        .isEqualByComparingTo("-0.02");
    assertThat(line(Direction.PURCHASE, "3", "100", "100.005").amountUsd())
        .isEqualByComparingTo("0.02");
  }

  @Test
  void aFullyHedgedPurchaseNetsToZero() {
    // 200 t bought at 9,000 and 8 x 25 t futures sold at 9,000, both marked at 8,400
    final PnlLine physical = line(Direction.PURCHASE, "200", "9000", "8400");
    final PnlLine hedge =
        MarkToMarket.line(
            PnlLine.Source.HEDGE,
            PnlLine.State.UNREALISED,
            "h1",
            Direction.SALE,
            new BigDecimal("200"),
            new BigDecimal("9000"),
            new BigDecimal("8400"),
            DAY,
            "Cu/TEST/USD_PER_T");
    final DealPnl pnl = DealPnl.of("d1", List.of(physical, hedge));
    assertThat(pnl.unrealisedPhysical()).isEqualByComparingTo("-120000.00");
    assertThat(pnl.unrealisedHedges()).isEqualByComparingTo("120000.00");
    assertThat(pnl.total()).isEqualByComparingTo("0.00");
  }

  @Test
  void dealSumsSeparateRealisedFromUnrealisedAndPhysicalFromHedges() {
    final PnlLine settled =
        MarkToMarket.line(
            PnlLine.Source.PHYSICAL,
            PnlLine.State.REALISED,
            "d1",
            Direction.SALE,
            new BigDecimal("144"),
            new BigDecimal("9038.9527"),
            new BigDecimal("9200"),
            DAY,
            "invoice i1");
    final PnlLine closed =
        MarkToMarket.line(
            PnlLine.Source.HEDGE,
            PnlLine.State.REALISED,
            "h1",
            Direction.PURCHASE,
            new BigDecimal("100"),
            new BigDecimal("9000"),
            new BigDecimal("9050"),
            DAY,
            "Cu/TEST/USD_PER_T");
    final PnlLine open = line(Direction.PURCHASE, "10", "9000", "8990.5");
    final DealPnl pnl = DealPnl.of("d1", List.of(settled, closed, open));
    // -144 x 161.0473 = -23190.8112 -> -23190.81; 100 x 50 = 5000; 10 x -9.5 = -95
    assertThat(pnl.realisedPhysical()).isEqualByComparingTo("-23190.81");
    assertThat(pnl.realisedHedges()).isEqualByComparingTo("5000.00");
    assertThat(pnl.realised()).isEqualByComparingTo("-18190.81");
    assertThat(pnl.unrealisedPhysical()).isEqualByComparingTo("-95.00");
    assertThat(pnl.unrealisedHedges()).isEqualByComparingTo("0.00");
    assertThat(pnl.total()).isEqualByComparingTo("-18285.81");
  }

  @Test
  void negativeInputsAreRefused() {
    assertThatThrownBy(() -> line(Direction.PURCHASE, "-1", "1", "1"))
        .isInstanceOf(PnlInputException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> line(Direction.PURCHASE, "1", "-1", "1"))
        .hasMessageContaining("entry");
    assertThatThrownBy(() -> line(Direction.PURCHASE, "1", "1", "-1")).hasMessageContaining("exit");
  }

  @Test
  void payableMetalFollowsMoistureAssayAndPayablePercent() {
    // 1,000 wmt at 8 % moisture = 920 dmt; 25 % Cu = 230 t; 96.5 % payable = 221.95 t
    final BigDecimal dry =
        PayableMetal.dryTonnes(new BigDecimal("1000"), true, new BigDecimal("8"));
    assertThat(dry).isEqualByComparingTo("920");
    assertThat(PayableMetal.payableTonnes(dry, new BigDecimal("25"), "PCT", new BigDecimal("96.5")))
        .isEqualByComparingTo("221.9500");
    assertThat(PayableMetal.payableTonnes(dry, new BigDecimal("25"), "PCT", null))
        .isEqualByComparingTo("230.0000");
    // 500 dmt at 20 g/dmt gold = 10,000 g = 0.01 t
    assertThat(
            PayableMetal.payableTonnes(
                new BigDecimal("500"), new BigDecimal("20"), "G_PER_DMT", null))
        .isEqualByComparingTo("0.0100");
    assertThatThrownBy(
            () -> PayableMetal.payableTonnes(BigDecimal.ONE, BigDecimal.ONE, "PERCENT", null))
        .isInstanceOf(PnlInputException.class);
  }

  @Test
  void aHedgeFilledInEurosIsConvertedAtTheRateOfItsFillDate() {
    // given 4 x 25 t sold at 8,400 EUR/t; 1.1520 USD/EUR on the fill date; marked at 9,500 USD/t
    final FxRate rate =
        new FxRate(
            Currency.getInstance("EUR"),
            Money.USD,
            new BigDecimal("1.1520"),
            LocalDate.parse("2025-11-03"),
            FxSeriesId.of("EUR", "USD", "TEST"),
            new BigDecimal("1.1520"),
            false);

    final PnlLine hedge =
        MarkToMarket.line(
            PnlLine.Source.HEDGE,
            PnlLine.State.UNREALISED,
            "h-eur",
            Direction.SALE,
            new BigDecimal("100"),
            new BigDecimal("8400"),
            rate,
            new BigDecimal("9500"),
            DAY,
            "Cu/TEST/USD_PER_T");

    // then the entry is 8,400 x 1.1520 = 9,676.80 USD/t and the short gains 100 x 176.80
    assertThat(hedge.entryPrice()).isEqualByComparingTo("9676.8000");
    assertThat(hedge.amountUsd()).isEqualByComparingTo("17680.00");
    assertThat(hedge.entryConversion())
        .isEqualTo(
            new PnlLine.EntryConversion(
                "EUR",
                new BigDecimal("8400"),
                new BigDecimal("1.1520"),
                LocalDate.parse("2025-11-03"),
                "FX:EUR/USD/TEST",
                false));
    assertThat(hedge.explanation())
        .endsWith("; entry 8400 EUR/t x 1.1520 USD/EUR of 2025-11-03 (FX:EUR/USD/TEST)");
    assertThat(line(Direction.SALE, "1", "1", "1").entryConversion()).isNull();
  }

  @Test
  void aRateIntoAnotherCurrencyThanUsdIsRefused() {
    final FxRate eurGbp =
        new FxRate(
            Currency.getInstance("EUR"),
            Currency.getInstance("GBP"),
            new BigDecimal("0.87"),
            DAY,
            FxSeriesId.of("EUR", "GBP", "TEST"),
            new BigDecimal("0.87"),
            false);

    assertThatThrownBy(
            () ->
                MarkToMarket.line(
                    PnlLine.Source.HEDGE,
                    PnlLine.State.UNREALISED,
                    "h",
                    Direction.SALE,
                    BigDecimal.ONE,
                    BigDecimal.TEN,
                    eurGbp,
                    BigDecimal.TEN,
                    DAY,
                    "x"))
        .isInstanceOf(PnlInputException.class)
        .hasMessageContaining("into USD, not GBP");
  }

  private static PnlLine line(
      final Direction direction, final String tonnes, final String entry, final String exit) {
    return MarkToMarket.line(
        PnlLine.Source.PHYSICAL,
        PnlLine.State.UNREALISED,
        "d1",
        direction,
        new BigDecimal(tonnes),
        new BigDecimal(entry),
        new BigDecimal(exit),
        DAY,
        "Cu/TEST/USD_PER_T");
  }
}
