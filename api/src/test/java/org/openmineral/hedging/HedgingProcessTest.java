package org.openmineral.hedging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openmineral.workers.hedging.HedgeBook;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code hedging}, one test per path, on the embedded engine with the application's workers, the
 * DMN {@code hedge-policy} and the standard contract table; observed through the engine's record
 * feed and the hedge tables. Dates are taken from the engine's clock, which other tests move.
 */
class HedgingProcessTest extends HedgingProcessSupport {
  @Autowired HedgeBook hedgeBook;

  @Test
  void smallExposureIsNotHedgedAndNeedsNoPerson() {
    final String deal = newDealId();
    final long instance = start(leg(deal, "Cu", "PURCHASE", 20, fixedOn(today())));

    await(elementCompleted(instance, "end-no-hedge"));
    await(instanceCompleted(instance));
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("exposure").decimalValue()).isEqualByComparingTo("20");
    assertThat(seen.get("hedgePolicy").asText()).isEqualTo("NO_HEDGE");
    assertThat(seen.get("approvalRequired").asBoolean()).isFalse();
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .isEmpty();
    assertThat(hedgesOf(deal)).isEmpty();
  }

  @Test
  void largeFixedPriceCopperPurchaseIsHedgedWithFortyLotsAfterTheTraderApproves() {
    final String deal = newDealId();
    final long instance = start(leg(deal, "Cu", "PURCHASE", 1000, fixedOn(today())));

    final long task = awaitUserTask(instance, "approve-hedge");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("exposure").decimalValue()).isEqualByComparingTo("1000");
    assertThat(seen.get("exposureWhenPriced").decimalValue()).isEqualByComparingTo("1000");
    assertThat(seen.get("hedgePolicy").asText()).isEqualTo("HEDGE_ALL");
    assertThat(seen.get("approvalRequired").asBoolean()).isTrue();
    assertThat(seen.get("hedgeContract").asText()).isEqualTo("LME-CU");
    assertThat(seen.get("hedgeExchange").asText()).isEqualTo("LME");
    assertThat(seen.get("lotSize").decimalValue()).isEqualByComparingTo("25");
    assertThat(seen.get("hedgeSide").asText()).isEqualTo("SELL");
    assertThat(seen.get("suggestedLots").asLong()).isEqualTo(40);
    assertThat(seen.get("residualExposure").decimalValue()).isEqualByComparingTo("0");
    final UserTaskRecordValue created = userTask(task);
    assertThat(created.getCandidateGroupsList()).containsExactly("trader");
    assertThat(created.getFormKey()).isPositive();
    assertThat(created.getDueDate()).isNotBlank();

    userTasks.claim(task, "tom.trader");
    userTasks.complete(task, Map.of("hedgeDecision", "APPROVE"));

    await(elementCompleted(instance, "end-closed"));
    await(instanceCompleted(instance));
    final List<Map<String, Object>> hedges = hedgesOf(deal);
    assertThat(hedges).hasSize(1);
    final Map<String, Object> hedge = hedges.getFirst();
    assertThat(hedge)
        .containsEntry("metal", "Cu")
        .containsEntry("exchange", "LME")
        .containsEntry("contract", "LME-CU")
        .containsEntry("lots", 40L)
        .containsEntry("direction", "SELL")
        .containsEntry("status", "CLOSED");
    assertThat((BigDecimal) hedge.get("lot_size")).isEqualByComparingTo("25");
    assertThat(variables(instance).get("hedgeId").asText()).isEqualTo(hedge.get("id").toString());
    assertThat(rollsOf(hedge.get("id")))
        .as("a fixed price fixes the whole hedge on its date")
        .containsExactly(Map.of("fixing_date", java.sql.Date.valueOf(today()), "lots_fixed", 40L));
  }

  @Test
  void qpPricedPurchaseRecordsItsFixingsAsTheClockMovesThroughTheQp() {
    final String deal = newDealId();
    LocalDate monday = today().plusDays(1);
    while (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      monday = monday.plusDays(1);
    }
    final LocalDate friday = monday.plusDays(4);
    final long instance =
        start(
            leg(
                deal,
                "Cu",
                "PURCHASE",
                1000,
                Map.of("type", "QP", "firstDay", monday.toString(), "lastDay", friday.toString())));

    final long task = awaitUserTask(instance, "approve-hedge");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("exposure").decimalValue())
        .as("nothing priced before the QP")
        .isEqualByComparingTo("0");
    assertThat(seen.get("exposureWhenPriced").decimalValue()).isEqualByComparingTo("1000");
    assertThat(seen.get("pricingDays").asInt()).isEqualTo(5);
    assertThat(seen.get("suggestedLots").asLong()).isEqualTo(40);
    userTasks.complete(task, Map.of("hedgeDecision", "APPROVE"));

    final Predicate<Record<?>> timer =
        r -> isEvent(r, ValueType.TIMER, TimerIntent.CREATED) && ofInstance(r, instance);
    await(timer);
    final String hedgeId = awaitVariable(instance, "hedgeId");
    assertThat(rollsOf(hedgeId)).as("nothing fixed before the QP").isEmpty();
    assertThat(hedgesOf(deal).getFirst()).containsEntry("status", "OPEN");

    // Wednesday of the QP: 3 of 5 pricing days, 40 x 3/5 = 24 lots fixed.
    final LocalDate wednesday = monday.plusDays(2);
    engine.increaseTime(Duration.ofDays(ChronoUnit.DAYS.between(today(), wednesday)));
    await(2, timer);
    assertThat(rollsOf(hedgeId))
        .containsExactly(
            Map.of("fixing_date", java.sql.Date.valueOf(wednesday), "lots_fixed", 24L));
    assertThat(variables(instance).get("lotsFixed").asLong()).isEqualTo(24);

    // After the QP: the remaining 16 lots fix and the hedge closes.
    engine.increaseTime(Duration.ofDays(7));
    await(elementCompleted(instance, "end-closed"));
    await(instanceCompleted(instance));
    final List<Map<String, Object>> rolls = rollsOf(hedgeId);
    assertThat(rolls).hasSize(2);
    assertThat(rolls.get(1)).containsEntry("lots_fixed", 16L);
    assertThat(hedgesOf(deal))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h).containsEntry("status", "CLOSED").containsEntry("lots", 40L);
            });
  }

  @Test
  void traderRejectsAndTheLegIsNotHedged() {
    final String deal = newDealId();
    final long instance = start(leg(deal, "Cu", "SALE", 800, fixedOn(today())));

    final long task = awaitUserTask(instance, "approve-hedge");
    assertThat(variables(instance).get("hedgeSide").asText()).isEqualTo("BUY");
    assertThat(variables(instance).get("suggestedLots").asLong()).isEqualTo(32);
    userTasks.complete(
        task,
        Map.of(
            "hedgeDecision",
            "REJECT",
            "hedgeRejectionReason",
            "Back-to-back with a fixed-price purchase; no open price risk."));

    await(elementCompleted(instance, "end-not-hedged"));
    await(instanceCompleted(instance));
    assertThat(hedgesOf(deal)).isEmpty();
    assertThat(matching(r -> ofInstance(r, instance) && isJob(r, "hedge.record"))).isEmpty();
  }

  @Test
  void mediumExposureHedgesWhatExceedsTheThresholdWithoutAPerson() {
    final String deal = newDealId();
    final long instance = start(leg(deal, "Cu", "PURCHASE", 300, fixedOn(today())));

    await(elementCompleted(instance, "end-closed"));
    await(instanceCompleted(instance));
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("hedgePolicy").asText()).isEqualTo("HEDGE_ABOVE_THRESHOLD");
    assertThat(seen.get("hedgeThreshold").decimalValue()).isEqualByComparingTo("50");
    assertThat(seen.get("suggestedLots").asLong()).as("(300 - 50) / 25").isEqualTo(10);
    assertThat(seen.get("residualExposure").decimalValue()).isEqualByComparingTo("50");
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .isEmpty();
    assertThat(hedgesOf(deal))
        .singleElement()
        .satisfies(
            h -> assertThat(h).containsEntry("lots", 10L).containsEntry("direction", "SELL"));
  }

  @Test
  void traderAdjustsTheLots() {
    final String deal = newDealId();
    final long instance = start(leg(deal, "Cu", "PURCHASE", 1000, fixedOn(today())));
    final long task = awaitUserTask(instance, "approve-hedge");
    userTasks.complete(task, Map.of("hedgeDecision", "ADJUST", "approvedLots", 30));

    await(instanceCompleted(instance));
    assertThat(hedgesOf(deal))
        .singleElement()
        .satisfies(h -> assertThat(h).containsEntry("lots", 30L));
    assertThat(variables(instance).get("hedgeLots").asLong()).isEqualTo(30);
  }

  @Test
  void aRedeliveredRecordingJobBooksOnce() {
    final String deal = newDealId();
    final long jobKey = System.nanoTime();
    final HedgeBook.HedgeBooking booking =
        new HedgeBook.HedgeBooking(
            jobKey, 1L, deal, "Cu", "LME", "LME-CU", 40, new BigDecimal("25"), "SELL");

    final String first = hedgeBook.book(booking);
    final String again = hedgeBook.book(booking);

    assertThat(again).as("the same job again").isEqualTo(first);
    assertThat(hedgesOf(deal)).hasSize(1);

    final HedgeBook.RollFixing fixing =
        new HedgeBook.RollFixing(jobKey + 1, first, today(), 24, false);
    assertThat(hedgeBook.recordRoll(fixing)).isEqualTo(24);
    assertThat(hedgeBook.recordRoll(fixing)).as("the same fixing job again").isEqualTo(24);
    assertThat(rollsOf(first)).hasSize(1);
  }
}
