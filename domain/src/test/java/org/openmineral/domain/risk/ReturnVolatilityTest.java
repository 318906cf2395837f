package org.openmineral.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

class ReturnVolatilityTest {
  @Test
  void volatilityIsTheSampleStandardDeviationOfReturnsTimesRootPeriods() {
    // given prices 100, 110, 99: returns +10 %, -10 %, mean 0
    final LocalDate d = LocalDate.of(2026, 1, 1);
    final HistoricalPrices series =
        new HistoricalPrices(
            Element.CU,
            PriceUnit.USD_PER_T,
            List.of(
                DatedPrice.of(d, "100"),
                DatedPrice.of(d.plusMonths(1), "110"),
                DatedPrice.of(d.plusMonths(2), "99")));
    // when annualised for monthly data
    final ReturnVolatility vol = ReturnVolatility.of(series, 12);
    // then s = sqrt((0.01 + 0.01) / 1) = sqrt(0.02), sigma = sqrt(0.02) x sqrt(12)
    assertThat(vol.returns()).isEqualTo(2);
    assertThat(vol.mean()).isEqualByComparingTo("0");
    assertThat(vol.standardDeviation())
        .isEqualByComparingTo(new BigDecimal("0.02").sqrt(MathContext.DECIMAL128));
    assertThat(vol.annualised().toPlainString()).startsWith("0.4898979485566356");
  }

  @Test
  void copperMonthlyVolatilitySince1960IsAbout23PercentAYear() {
    // given the World Bank monthly copper averages 1960-01..2025-11
    final HistoricalPrices copper = WorldBankMonthlyPrices.series(Element.CU);
    // when
    final ReturnVolatility vol = ReturnVolatility.of(copper, 12);
    // then (recomputed independently with Python's decimal module)
    assertThat(vol.returns()).isEqualTo(790);
    assertThat(vol.standardDeviation().toPlainString()).startsWith("0.065243780217055434");
    assertThat(vol.annualised().toPlainString()).startsWith("0.226011084427594409");
  }
}
