package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Averaging daily official prices over a quotational period.
 *
 * <p>The rule checked is the LME's definition of its monthly average settlement price, the mean of
 * the month's official settlement prices (cash seller)
 * (https://www.lme.com/en-GB/Market-Data/Reports-and-data/Monthly-averages): every fixing in the
 * month counts once; days without a fixing (weekends, holidays) do not count.
 *
 * <p>The daily prices below are SYNTHETIC (made up for the test; no openly licensed daily LME
 * prices exist, see reference-data/README.md section 2b). The arithmetic is the point.
 */
class QpAverageTest {
  private static final PriceSeriesId CU_DAILY =
      PriceSeriesId.of(Element.CU, "SYNTHETIC_CASH_SETTLEMENT", PriceUnit.USD_PER_T);
  private static final LocalDate ARRIVAL = LocalDate.of(2025, 10, 14);
  private static final QpReferenceDates CARGO =
      QpReferenceDates.of(LocalDate.of(2025, 9, 20), ARRIVAL);

  /**
   * November 2025 has 20 weekdays; the synthetic series fixes on 19 of them (none on Thursday
   * 2025-11-27, standing in for a holiday), at 10,000 + 10 x (day of month) USD/t.
   */
  private static PriceSeries november2025() {
    final List<PriceFixing> fixings = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2025, 11, 1); d.getMonthValue() == 11; d = d.plusDays(1)) {
      final boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && d.getDayOfMonth() != 27) {
        fixings.add(new PriceFixing(d, BigDecimal.valueOf(10_000 + 10L * d.getDayOfMonth())));
      }
    }
    return PriceSeries.of(
        CU_DAILY,
        SeriesFrequency.DAILY,
        SeriesProvenance.internal("synthetic test prices"),
        fixings);
  }

  @Test
  void mPlusOneAveragesEveryFixingOfTheMonthAfterArrival() {
    final QpAverage avg =
        november2025().averageOver(RelativeMonthQp.ofArrival(1), CARGO, LocalDate.of(2025, 12, 1));

    // weekdays of November 2025 other than the 27th: 3-7, 10-14, 17-21, 24-26, 28
    // sum of days = 25+60+95+75+28 = 283; sum of prices = 19 x 10,000 + 10 x 283 = 192,830
    // average = 192,830 / 19 = 10,148.947368... -> 10,148.9474 (4 places, half up)
    assertThat(avg.status()).isEqualTo(QpAverage.Status.COMPLETE);
    assertThat(avg.fixingCount()).isEqualTo(19);
    assertThat(avg.average()).contains(new BigDecimal("10148.9474"));
    assertThat(avg.finalAverage()).isEqualByComparingTo("10148.9474");
    assertThat(avg.unroundedAverage().orElseThrow().toPlainString()).startsWith("10148.947368421");
    assertThat(avg.datesWithoutFixing()).containsExactly(LocalDate.of(2025, 11, 27));
    assertThat(avg.unpricedDates()).isEmpty();
    assertThat(avg.pricedFraction()).isEqualByComparingTo("1");
    assertThat(avg.fixingsUsed().get(0))
        .isEqualTo(PriceFixing.of(LocalDate.of(2025, 11, 3), "10030"));
    assertThat(avg.averagePrice().orElseThrow().unit()).isEqualTo(PriceUnit.USD_PER_T);
    assertThat(avg.window().label()).contains("M+1").contains("2025-11");
  }

  @Test
  void aQpNotYetCompleteGivesAPartialAverageAndThePricedFraction() {
    // valued on Friday 2025-11-14: fixings 3-7 and 10-14 are known (10),
    // weekdays 17-21, 24-28 are still to come (10) -> priced fraction 10/20 = 0.5
    final QpAverage avg =
        november2025().averageOver(RelativeMonthQp.ofArrival(1), CARGO, LocalDate.of(2025, 11, 14));
    assertThat(avg.status()).isEqualTo(QpAverage.Status.PARTIAL);
    assertThat(avg.fixingCount()).isEqualTo(10);
    assertThat(avg.unpricedDates()).hasSize(10).startsWith(LocalDate.of(2025, 11, 17));
    assertThat(avg.pricedFraction()).isEqualTo(new BigDecimal("0.500000"));
    // (10,000 x 10 + 10 x (25 + 60)) / 10 = 10,085
    assertThat(avg.average()).contains(new BigDecimal("10085.0000"));
    assertThat(avg.isFinal()).isFalse();
    assertThatThrownBy(avg::finalAverage)
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("only partly priced")
        .hasMessageContaining("priced fraction 0.500000");
  }

  @Test
  void fixingsAfterTheValuationDateAreNotUsedEvenIfStored() {
    final QpAverage avg =
        november2025().averageOver(RelativeMonthQp.ofArrival(1), CARGO, LocalDate.of(2025, 10, 31));
    assertThat(avg.status()).isEqualTo(QpAverage.Status.NOT_STARTED);
    assertThat(avg.fixingCount()).isZero();
    assertThat(avg.average()).isEmpty();
    assertThat(avg.pricedFraction()).isEqualByComparingTo("0");
    assertThat(avg.unpricedDates()).hasSize(20);
  }

  @Test
  void aPastQpWithoutAnyPriceIsReportedNotAveraged() {
    final QpAverage avg =
        november2025().averageOver(RelativeMonthQp.ofArrival(2), CARGO, LocalDate.of(2026, 1, 5));
    assertThat(avg.status()).isEqualTo(QpAverage.Status.NO_PRICES);
    assertThat(avg.datesWithoutFixing()).hasSize(23); // weekdays of December 2025
    assertThatThrownBy(avg::finalAverage)
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("has no price in it");
  }

  @Test
  void aFixedQpAveragesOnlyItsOwnDays() {
    final FixedQp qp = new FixedQp(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 14));
    final QpAverage avg = november2025().averageOver(qp, CARGO, LocalDate.of(2025, 12, 31));
    // 10,100 .. 10,140 -> 10,120
    assertThat(avg.finalAverage()).isEqualByComparingTo("10120");
    assertThat(avg.fixingCount()).isEqualTo(5);
  }

  @Test
  void averageIsRoundedHalfUpToFourPlaces() {
    final PriceSeries s =
        PriceSeries.of(
            CU_DAILY,
            SeriesFrequency.DAILY,
            SeriesProvenance.internal("synthetic"),
            List.of(
                PriceFixing.of(LocalDate.of(2025, 11, 3), "1.00005"),
                PriceFixing.of(LocalDate.of(2025, 11, 4), "1.00005")));
    final QpWindow w =
        new QpWindow(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 4), "two days");
    assertThat(s.averageOver(w, LocalDate.of(2025, 11, 5)).average())
        .contains(new BigDecimal("1.0001"));
  }
}
