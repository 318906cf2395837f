package org.openmineral.hedging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.task.UserTaskCommands;
import org.openmineral.workers.hedging.HedgeBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code hedging}, one test per path, on the embedded engine with the application's workers, the
 * DMN {@code hedge-policy} and the standard contract table; observed through the engine's record
 * feed and the hedge tables. Dates are taken from the engine's clock, which other tests move.
 */
class HedgingProcessTest extends ApplicationTest {
  static final String PROCESS = "hedging";
  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired UserTaskCommands userTasks;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired HedgeBook hedgeBook;

  final List<Record<?>> records = new CopyOnWriteArrayList<>();
  private FeedSubscription feed;

  @BeforeEach
  void subscribe() {
    feed = engine.recordFeed().subscribe(getClass().getSimpleName(), -1, records::add);
  }

  @AfterEach
  void unsubscribe() {
    feed.close();
  }

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

  // --- helpers ---

  static String newDealId() {
    return "DEAL-" + UUID.randomUUID();
  }

  LocalDate today() {
    return LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
  }

  static Map<String, Object> fixedOn(final LocalDate date) {
    return Map.of("type", "FIXED", "fixedOn", date.toString());
  }

  static Map<String, Object> leg(
      final String dealId,
      final String metal,
      final String direction,
      final int quantity,
      final Map<String, Object> pricing) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("dealId", dealId);
    variables.put("metal", metal);
    variables.put("direction", direction);
    variables.put("payableQuantity", quantity);
    variables.put("unit", "TONNE");
    variables.put("pricing", pricing);
    return variables;
  }

  long start(final Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  List<Map<String, Object>> hedgesOf(final String dealId) {
    return jdbc.queryForList("select * from hedge where deal_id = ? order by created_at", dealId);
  }

  List<Map<String, Object>> rollsOf(final Object hedgeId) {
    return jdbc.queryForList(
        "select fixing_date, lots_fixed from hedge_roll where hedge_id = ? order by id",
        UUID.fromString(hedgeId.toString()));
  }

  static boolean isEvent(final Record<?> r, final ValueType type, final Intent intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  static boolean isJob(final Record<?> r, final String type) {
    return isEvent(r, ValueType.JOB, JobIntent.CREATED)
        && ((JobRecordValue) r.getValue()).getType().equals(type);
  }

  static boolean ofInstance(final Record<?> r, final long instance) {
    return r.getValue() instanceof ProcessInstanceRelated related
        && related.getProcessInstanceKey() == instance;
  }

  List<Record<?>> matching(final Predicate<Record<?>> predicate) {
    return records.stream().filter(predicate).toList();
  }

  Record<?> await(final int count, final Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> matching(predicate), found -> found.size() >= count)
        .get(count - 1);
  }

  Record<?> await(final Predicate<Record<?>> predicate) {
    return await(1, predicate);
  }

  long awaitUserTask(final long instance, final String elementId) {
    return await(
            r ->
                isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                    && ofInstance(r, instance)
                    && ((UserTaskRecordValue) r.getValue()).getElementId().equals(elementId))
        .getKey();
  }

  UserTaskRecordValue userTask(final long key) {
    return (UserTaskRecordValue)
        await(r -> isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED) && r.getKey() == key)
            .getValue();
  }

  String awaitVariable(final long instance, final String name) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> variables(instance).get(name), v -> v != null)
        .asText();
  }

  static Predicate<Record<?>> elementCompleted(final long instance, final String elementId) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && ofInstance(r, instance)
            && ((ProcessInstanceRecordValue) r.getValue()).getElementId().equals(elementId);
  }

  static Predicate<Record<?>> instanceCompleted(final long instance) {
    return r ->
        isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            && r.getKey() == instance
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                == BpmnElementType.PROCESS;
  }

  /** The process-level variables of {@code instance} as last written, by name. */
  Map<String, JsonNode> variables(final long instance) {
    final Map<String, JsonNode> variables = new LinkedHashMap<>();
    for (final Record<?> r : records) {
      if (r.getRecordType() == RecordType.EVENT
          && r.getValueType() == ValueType.VARIABLE
          && r.getValue() instanceof VariableRecordValue v
          && v.getProcessInstanceKey() == instance
          && v.getScopeKey() == instance) {
        try {
          variables.put(v.getName(), json.readTree(v.getValue()));
        } catch (final JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return variables;
  }
}
