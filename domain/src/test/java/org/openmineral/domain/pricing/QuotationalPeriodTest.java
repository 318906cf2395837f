package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quotational periods relative to shipment and arrival, fixed and declared.
 *
 * <p>Definition used: the quotational period is the period, usually a calendar month chosen
 * relative to shipment or arrival, over which the average price is established (Stormlands,
 * "Quotational Period", https://stormlands.com/274/); the Fastmarkets copper concentrates TC/RC
 * index specification uses an M+3 quotational period
 * (https://www.fastmarkets.com/insights/pricing-notice-specification-of-metal-bulletin-copper-concentrates-tc-rc-index).
 */
class QuotationalPeriodTest {
  private static final QpReferenceDates CARGO =
      QpReferenceDates.of(LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 14));

  @Test
  void monthOfArrivalPlusOneIsTheWholeNextCalendarMonth() {
    final QpWindow w = RelativeMonthQp.ofArrival(1).window(CARGO);
    assertThat(w.firstDay()).isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(w.lastDay()).isEqualTo(LocalDate.of(2025, 11, 30));
    assertThat(w.label()).isEqualTo("M+1 (arrival) of arrival 2025-10-14 = 2025-11");
  }

  @Test
  void monthsCountFromShipmentAcrossYearEnds() {
    final QpReferenceDates december = QpReferenceDates.shippedOn(LocalDate.of(2025, 12, 31));
    assertThat(RelativeMonthQp.ofShipment(-1).window(december).firstDay())
        .isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(RelativeMonthQp.ofShipment(0).window(december).lastDay())
        .isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(RelativeMonthQp.ofShipment(2).window(december).lastDay())
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(RelativeMonthQp.ofShipment(3).window(december).firstDay())
        .isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(RelativeMonthQp.ofShipment(-1).notation()).isEqualTo("M-1 (shipment)");
    assertThat(RelativeMonthQp.ofShipment(0).notation()).isEqualTo("M (shipment)");
  }

  @Test
  void anArrivalQpCannotBeFixedBeforeTheArrivalIsKnown() {
    final QpReferenceDates atSea = QpReferenceDates.shippedOn(LocalDate.of(2025, 9, 20));
    assertThatThrownBy(() -> RelativeMonthQp.ofArrival(1).window(atSea))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("arrival date")
        .hasMessageContaining("not known yet");
  }

  @Test
  void aFixedQpIgnoresTheCargoDates() {
    final FixedQp fixed = new FixedQp(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 21));
    assertThat(fixed.window(CARGO))
        .isEqualTo(
            new QpWindow(
                LocalDate.of(2025, 11, 10),
                LocalDate.of(2025, 11, 21),
                "fixed 2025-11-10..2025-11-21"));
    assertThatThrownBy(() -> new FixedQp(LocalDate.of(2025, 11, 21), LocalDate.of(2025, 11, 10)))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("before it starts");
  }

  @Test
  void theBuyerDeclaresOneOfTheOptionsByTheDeadline() {
    final DeclarableQp option =
        DeclarableQp.open(
            Declarant.BUYER,
            List.of(
                RelativeMonthQp.ofArrival(0),
                RelativeMonthQp.ofArrival(1),
                RelativeMonthQp.ofArrival(2)),
            LocalDate.of(2025, 9, 30),
            RelativeMonthQp.ofArrival(1));

    assertThatThrownBy(() -> option.selection(LocalDate.of(2025, 9, 15)))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("not yet declared")
        .hasMessageContaining("until 2025-09-30");

    final DeclarableQp declared =
        option.declare(Declarant.BUYER, RelativeMonthQp.ofArrival(2), LocalDate.of(2025, 9, 30));
    final QpSelection selection = declared.selection(LocalDate.of(2025, 12, 5));
    assertThat(selection.period()).isEqualTo(RelativeMonthQp.ofArrival(2));
    assertThat(selection.reason()).startsWith("declared by BUYER on 2025-09-30");
    assertThat(selection.period().window(CARGO).firstDay()).isEqualTo(LocalDate.of(2025, 12, 1));
  }

  @Test
  void withoutADeclarationInTimeTheContractFallbackApplies() {
    final DeclarableQp option =
        DeclarableQp.open(
            Declarant.BUYER,
            List.of(RelativeMonthQp.ofArrival(0), RelativeMonthQp.ofArrival(1)),
            LocalDate.of(2025, 9, 30),
            RelativeMonthQp.ofArrival(1));
    final QpSelection selection = option.selection(LocalDate.of(2025, 10, 1));
    assertThat(selection.period()).isEqualTo(RelativeMonthQp.ofArrival(1));
    assertThat(selection.reason()).contains("not declared by the deadline 2025-09-30");
  }

  @Test
  void declarationsOutsideTheContractTermsAreRefused() {
    final DeclarableQp option =
        DeclarableQp.open(
            Declarant.BUYER,
            List.of(RelativeMonthQp.ofArrival(0), RelativeMonthQp.ofArrival(1)),
            LocalDate.of(2025, 9, 30),
            RelativeMonthQp.ofArrival(1));
    final LocalDate inTime = LocalDate.of(2025, 9, 29);
    assertThatThrownBy(() -> option.declare(Declarant.SELLER, RelativeMonthQp.ofArrival(0), inTime))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("the option is the BUYER's");
    assertThatThrownBy(() -> option.declare(Declarant.BUYER, RelativeMonthQp.ofArrival(3), inTime))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("not one of the declarable options");
    assertThatThrownBy(
            () ->
                option.declare(
                    Declarant.BUYER, RelativeMonthQp.ofArrival(0), LocalDate.of(2025, 10, 1)))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("after the deadline");
    final DeclarableQp declared =
        option.declare(Declarant.BUYER, RelativeMonthQp.ofArrival(0), inTime);
    assertThatThrownBy(
            () -> declared.declare(Declarant.BUYER, RelativeMonthQp.ofArrival(1), inTime))
        .isInstanceOf(QuotationalPeriodException.class)
        .hasMessageContaining("already declared");
  }
}
