package org.openmineral.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openmineral.ProcessTest;
import org.openmineral.workers.settlement.SettlementBooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement} on the application's embedded engine with its real workers and database,
 * observed through the engine's record feed. Each test settles its own lot (a new lot id), so
 * message correlation stays within one test.
 */
class SettlementProcessTest extends ProcessTest {
  static final String PROCESS = "settlement";
  static final Duration TTL = Duration.ofHours(1);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettlementBooks books;

  @Test
  void assaysWithinTheLimitAndFullPaymentSettleTheLot() {
    final String lot = newLotId();
    final long instance = start(lot);
    await(elementCompleted(instance, "provisional-invoice"));
    final Map<String, JsonNode> provisional = variables(instance);
    // 1000 wmt at 8 % moisture = 920 dmt; Cu 25 % less 1 unit = 24 % payable = 220.8 t at 9000
    // = 1,987,200 less TC 80 × 920 = 73,600 less RC 0.08 USD/lb × 486,780.67 lb = 38,942.45;
    // 90 % of 1,874,657.55 is 1,687,191.795, rounded half up
    assertThat(provisional.get("provisionalValue").decimalValue())
        .isEqualByComparingTo("1874657.55");
    assertThat(provisional.get("provisionalAmount").decimalValue())
        .isEqualByComparingTo("1687191.80");
    final String provisionalInvoiceId = provisional.get("provisionalInvoiceId").asText();

    // the buyer pays the provisional invoice in two parts: the branch waits for the remainder
    payProvisional(provisionalInvoiceId, UUID.randomUUID().toString(), new BigDecimal("1000000"));
    await(elementCompleted(instance, "match-provisional-payment"));
    final Map<String, JsonNode> part = variables(instance);
    assertThat(part.get("provisionalPaymentOutcome").asText()).isEqualTo("UNDERPAID");
    assertThat(part.get("provisionalOutstanding").decimalValue()).isEqualByComparingTo("687191.80");
    payProvisional(provisionalInvoiceId, UUID.randomUUID().toString(), new BigDecimal("687191.80"));
    await(elementCompleted(instance, "end-provisional-paid"));
    final Map<String, JsonNode> paid = variables(instance);
    assertThat(paid.get("provisionalPaymentOutcome").asText()).isEqualTo("PAID_IN_FULL");
    assertThat(paid.get("provisionalPaidTotal").decimalValue()).isEqualByComparingTo("1687191.80");
    assertThat(matching(instanceCompleted(instance)))
        .as("the final invoice is still to come")
        .isEmpty();

    exchangeAssays(lot, "25.10", "25.00");
    priceQp(lot, "9200");

    await(elementCompleted(instance, "final-invoice"));
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("assaysSettled").asBoolean()).isTrue();
    assertThat(seen.get("assayExchange").get(0).get("decision").asText()).isEqualTo("SPLIT");
    assertThat(seen.get("settledAssays").get("Cu").get("value").decimalValue())
        .isEqualByComparingTo("25.05");
    assertThat(seen.get("balanceDirection").asText()).isEqualTo("BUYER_PAYS");
    final BigDecimal balance = seen.get("balance").decimalValue();
    final String invoiceId = seen.get("finalInvoiceId").asText();

    pay(invoiceId, UUID.randomUUID().toString(), balance);

    await(elementCompleted(instance, "end-settled"));
    await(instanceCompleted(instance));
    assertThat(variables(instance).get("paymentOutcome").asText()).isEqualTo("PAID_IN_FULL");
    assertThat(
            jdbc.queryForList(
                "select kind from invoice where lot_id = ? order by created_at", String.class, lot))
        .containsExactly("PROVISIONAL", "FINAL");
    final BigDecimal provisionalAmount =
        jdbc.queryForObject(
            "select amount from invoice where lot_id = ? and kind = 'PROVISIONAL'",
            BigDecimal.class,
            lot);
    final Map<String, Object> fin =
        jdbc.queryForMap(
            "select amount, balance, lines::text as lines from invoice where lot_id = ? and kind = 'FINAL'",
            lot);
    assertThat(provisionalAmount.add((BigDecimal) fin.get("balance")))
        .as("provisional + balance = final value")
        .isEqualByComparingTo((BigDecimal) fin.get("amount"));
    assertThat(provisionalAmount)
        .isEqualByComparingTo(provisional.get("provisionalAmount").decimalValue());
    assertThat((String) fin.get("lines")).contains("PAYABLE", "TC", "RC");
    assertThat(
            jdbc.queryForObject(
                "select sum(amount) from payment where invoice_id = ?::uuid",
                BigDecimal.class,
                invoiceId))
        .isEqualByComparingTo(balance);
    assertThat(
            jdbc.queryForObject(
                "select sum(amount) from payment where invoice_id = ?::uuid",
                BigDecimal.class,
                provisionalInvoiceId))
        .isEqualByComparingTo(provisionalAmount);
  }

  @Test
  void assaysOutsideTheLimitGoToTheUmpireWhoseResultSettles() {
    final String lot = newLotId();
    final long instance = start(lot);
    exchangeAssays(lot, "25.60", "25.00");
    priceQp(lot, "9000");

    final long umpire = awaitUserTask(instance, "umpire-assay");
    final Map<String, JsonNode> before = variables(instance);
    assertThat(before.get("assaysSettled").asBoolean()).isFalse();
    assertThat(before.get("awaitingUmpire").get(0).get("element").asText()).isEqualTo("Cu");
    assertThat(before.get("awaitingUmpire").get(0).get("decision").asText())
        .isEqualTo("AWAITING_UMPIRE");
    userTasks.claim(umpire, "olga.operations");
    userTasks.complete(umpire, Map.of("umpireResult", new BigDecimal("25.20")));

    await(elementCompleted(instance, "final-invoice"));
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("umpireResults").get(0).get("value").decimalValue())
        .isEqualByComparingTo("25.20");
    final JsonNode cu = seen.get("assayExchange").get(0);
    assertThat(cu.get("decision").asText())
        .as("UMPIRE_RESULT_IF_BETWEEN: the umpire lies between the parties")
        .isEqualTo("UMPIRE_RESULT");
    assertThat(cu.get("umpireCostBearer").asText()).as("the seller is further").isEqualTo("SELLER");
    assertThat(seen.get("settledAssays").get("Cu").get("value").decimalValue())
        .isEqualByComparingTo("25.20");

    pay(seen.get("finalInvoiceId").asText(), UUID.randomUUID().toString(), balance(instance));
    await(elementCompleted(instance, "end-settled"));
    assertThat(matching(instanceCompleted(instance)))
        .as("the lot is not settled while its provisional invoice is unpaid")
        .isEmpty();
    payProvisional(
        seen.get("provisionalInvoiceId").asText(),
        UUID.randomUUID().toString(),
        seen.get("provisionalAmount").decimalValue());
    await(elementCompleted(instance, "end-provisional-paid"));
    await(instanceCompleted(instance));
  }

  @Test
  void aPaymentPublishedTwiceIsRecordedOnce() {
    final String lot = newLotId();
    final long instance = start(lot);
    exchangeAssays(lot, "25.10", "25.00");
    priceQp(lot, "9200");
    await(elementCompleted(instance, "final-invoice"));
    final Map<String, JsonNode> seen = variables(instance);
    final String invoiceId = seen.get("finalInvoiceId").asText();
    final String provisionalInvoiceId = seen.get("provisionalInvoiceId").asText();
    final BigDecimal provisionalAmount = seen.get("provisionalAmount").decimalValue();
    final BigDecimal balance = balance(instance);
    final String paymentId = UUID.randomUUID().toString();
    final String provisionalPaymentId = UUID.randomUUID().toString();

    // both invoices paid at once, each payment published twice: each branch matches its own
    for (int i = 0; i < 2; i++) {
      try {
        pay(invoiceId, paymentId, balance);
      } catch (final RuntimeException e) {
        // the engine refuses a message id it still holds: that is one way to stay single
      }
      try {
        payProvisional(provisionalInvoiceId, provisionalPaymentId, provisionalAmount);
      } catch (final RuntimeException e) {
        // as above
      }
    }
    await(elementCompleted(instance, "end-settled"));
    await(elementCompleted(instance, "end-provisional-paid"));
    await(instanceCompleted(instance));
    final Map<String, JsonNode> settled = variables(instance);
    assertThat(settled.get("paidTotal").decimalValue()).isEqualByComparingTo(balance);
    assertThat(settled.get("provisionalPaidTotal").decimalValue())
        .isEqualByComparingTo(provisionalAmount);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment where message_id = ? and invoice_id = ?::uuid",
                Integer.class,
                provisionalPaymentId,
                provisionalInvoiceId))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment where message_id = ?", Integer.class, paymentId))
        .isEqualTo(1);

    final SettlementBooks.PaymentStatus again =
        books.recordPayment(new SettlementBooks.NewPayment(paymentId, 42L, invoiceId, balance));
    assertThat(again.recorded()).as("the same payment id recorded again").isFalse();
    assertThat(again.paidTotal()).isEqualByComparingTo(balance);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment where invoice_id = ?::uuid",
                Integer.class,
                invoiceId))
        .isEqualTo(1);
  }

  @Test
  void withoutPaymentAReminderIsDueAfterThirtyDays() {
    final String lot = newLotId();
    final long instance = start(lot);
    exchangeAssays(lot, "25.10", "25.00");
    priceQp(lot, "9200");
    await(elementCompleted(instance, "final-invoice"));
    await(timerCreated(instance, "reminder-due"));
    await(timerCreated(instance, "provisional-reminder-due"));
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .isEmpty();

    engine.increaseTime(Duration.ofDays(31));

    // neither invoice was paid: a reminder for each
    final long provisionalReminder = awaitUserTask(instance, "send-provisional-reminder");
    final long reminder = awaitUserTask(instance, "send-reminder");
    final UserTaskRecordValue task =
        (UserTaskRecordValue)
            await(
                    r ->
                        isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                            && r.getKey() == reminder)
                .getValue();
    assertThat(task.getCandidateGroupsList()).containsExactly("operations");
    assertThat(task.getFormKey()).isPositive();
    userTasks.complete(
        reminder, Map.of("reminderChannel", "EMAIL", "reminderNotes", "Reminded the buyer."));
    await(2, timerCreated(instance, "reminder-due"));
    assertThat(variables(instance).get("reminderCount").asInt()).isEqualTo(1);
    assertThat(variables(instance).get("provisionalReminderCount")).isNull();

    userTasks.complete(
        provisionalReminder,
        Map.of("reminderChannel", "PHONE", "reminderNotes", "Called about the provisional."));
    await(2, timerCreated(instance, "provisional-reminder-due"));
    assertThat(variables(instance).get("provisionalReminderCount").asInt()).isEqualTo(1);
  }

  @Test
  void aRedeliveredBookingJobBooksOnce() {
    final String lot = newLotId();
    final long jobKey = System.nanoTime();
    final SettlementBooks.NewInvoice invoice =
        new SettlementBooks.NewInvoice(
            jobKey,
            1L,
            "deal-redelivery",
            lot,
            "cp-redelivery",
            "PROVISIONAL",
            new BigDecimal("1000.00"),
            "USD",
            new BigDecimal("1000.00"),
            List.of(Map.of("kind", "PAYABLE", "amount", new BigDecimal("1000.00"))));
    final String first = books.bookInvoice(invoice);
    final String again = books.bookInvoice(invoice);
    assertThat(again).as("the same job gets the invoice it booked").isEqualTo(first);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from invoice where lot_id = ?", Integer.class, lot))
        .isEqualTo(1);
  }

  // --- helpers ---

  static String newLotId() {
    return "LOT-" + UUID.randomUUID();
  }

  long start(final String lotId) {
    final Map<String, Object> v = new LinkedHashMap<>();
    v.put("dealId", "DEAL-" + lotId);
    v.put("lotId", lotId);
    v.put("counterpartyId", "CP-NORDVIK");
    v.put("wetTonnes", new BigDecimal("1000"));
    v.put("moisturePct", new BigDecimal("8"));
    v.put("provisionalAssays", Map.of("Cu", quantity("25.00", "PCT")));
    v.put("provisionalPrices", Map.of("Cu", quantity("9000", "USD_PER_T")));
    v.put("provisionalPct", new BigDecimal("90"));
    v.put(
        "terms",
        Map.of(
            "payables",
            List.of(
                Map.of(
                    "element",
                    "Cu",
                    "payablePct",
                    new BigDecimal("96.5"),
                    "minDeductionUnits",
                    new BigDecimal("1.0"))),
            "treatmentCharge",
            Map.of("usdPerDmt", new BigDecimal("80")),
            "refiningCharges",
            List.of(
                Map.of("element", "Cu", "amount", new BigDecimal("0.08"), "unit", "USD_PER_LB")),
            "splittingLimits",
            List.of(
                Map.of("element", "Cu", "maxDifference", new BigDecimal("0.20"), "unit", "PCT")),
            "umpireRule",
            "UMPIRE_RESULT_IF_BETWEEN"));
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(v)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  static Map<String, Object> quantity(final String value, final String unit) {
    return Map.of("value", new BigDecimal(value), "unit", unit);
  }

  void exchangeAssays(final String lotId, final String seller, final String buyer) {
    client
        .newPublishMessageCommand()
        .messageName("assays-exchanged")
        .correlationKey(lotId)
        .timeToLive(TTL)
        .variables(
            Map.of(
                "sellerAssays",
                Map.of("Cu", quantity(seller, "PCT")),
                "buyerAssays",
                Map.of("Cu", quantity(buyer, "PCT")),
                "finalWetTonnes",
                new BigDecimal("1002.5"),
                "finalMoisturePct",
                new BigDecimal("8.1")))
        .send()
        .join();
  }

  void priceQp(final String lotId, final String cuPrice) {
    client
        .newPublishMessageCommand()
        .messageName("qp-priced")
        .correlationKey(lotId)
        .timeToLive(TTL)
        .variables(Map.of("finalPrices", Map.of("Cu", quantity(cuPrice, "USD_PER_T"))))
        .send()
        .join();
  }

  Predicate<Record<?>> timerCreated(final long instance, final String elementId) {
    return r ->
        isEvent(r, ValueType.TIMER, TimerIntent.CREATED)
            && ofInstance(r, instance)
            && ((TimerRecordValue) r.getValue()).getTargetElementId().equals(elementId);
  }

  void pay(final String invoiceId, final String paymentId, final BigDecimal amount) {
    publishPayment("payment-received", invoiceId, paymentId, amount);
  }

  void payProvisional(final String invoiceId, final String paymentId, final BigDecimal amount) {
    publishPayment("provisional-payment-received", invoiceId, paymentId, amount);
  }

  private void publishPayment(
      final String message,
      final String invoiceId,
      final String paymentId,
      final BigDecimal amount) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(invoiceId)
        .messageId(paymentId)
        .timeToLive(TTL)
        .variables(Map.of("paymentId", paymentId, "paymentAmount", amount))
        .send()
        .join();
  }

  BigDecimal balance(final long instance) {
    return variables(instance).get("balance").decimalValue();
  }
}
