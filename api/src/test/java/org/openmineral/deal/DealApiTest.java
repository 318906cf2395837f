package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every deals endpoint over HTTP: happy paths, validation, roles, desks, versions, events. */
class DealApiTest extends DealProcessSupport {
  private String counterparty;

  @BeforeEach
  void onboardedCounterparty() {
    counterparty = approvedCounterparty("Api Copper SA", 3_000_000);
  }

  @Test
  void captureStoresTheDealReservesCreditAndStartsTheLifecycle() {
    final Answer created =
        send(
            "trader",
            "POST",
            "/api/deals",
            dealBody(counterparty, 1000, 1_000_000),
            Map.of("Idempotency-Key", "api-capture-" + counterparty));
    assertThat(created.status()).isEqualTo(201);
    final JsonNode deal = created.body();
    final String id = deal.get("id").asText();
    assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/deals/" + id);
    assertThat(created.raw().headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(deal.get("status").asText()).isEqualTo("CAPTURED");
    assertThat(deal.get("capturedBy").asText()).isEqualTo("trader");
    assertThat(deal.get("desk").asText()).isEqualTo("base-metals");
    assertThat(deal.get("value").get("amount").decimalValue()).isEqualByComparingTo("1000000");
    assertThat(deal.get("quantity").get("unit").asText()).isEqualTo("WMT");
    assertThat(deal.get("processInstanceKey").asText()).isNotBlank();
    final JsonNode credit = get("trader", "/api/counterparties/" + counterparty + "/credit").body();
    assertThat(credit.get("reserved").decimalValue()).isEqualByComparingTo("1000000");

    // the same request with the same key: the same deal, nothing reserved twice
    final Answer repeated =
        send(
            "trader",
            "POST",
            "/api/deals",
            dealBody(counterparty, 1000, 1_000_000),
            Map.of("Idempotency-Key", "api-capture-" + counterparty));
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.body().get("id").asText()).isEqualTo(id);
    assertThat(repeated.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(
            get("trader", "/api/counterparties/" + counterparty + "/credit")
                .body()
                .get("reserved")
                .decimalValue())
        .isEqualByComparingTo("1000000");
    // the same key for another deal
    final Answer reused =
        send(
            "trader",
            "POST",
            "/api/deals",
            dealBody(counterparty, 900, 1_000_000),
            Map.of("Idempotency-Key", "api-capture-" + counterparty));
    assertThat(reused.status()).isEqualTo(422);

    // read it: the approval task is open, the capture is in the activity
    final long instance = Long.parseLong(deal.get("processInstanceKey").asText());
    awaitUserTask(instance, "approve-deal");
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> get("trader", "/api/deals/" + id).body().get("openTasks").size() == 1);
    final JsonNode read = get("trader", "/api/deals/" + id).body();
    assertThat(read.get("openTasks").get(0).get("elementId").asText()).isEqualTo("approve-deal");
    assertThat(read.get("activity").get(0).get("action").asText()).isEqualTo("CAPTURED");
    assertThat(read.get("activity").get(0).get("actor").asText()).isEqualTo("trader");

    // the hash-chained audit names the capturer on the instance's creation
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForList(
                    "select actor from audit_entry where value_type = 'PROCESS_INSTANCE_CREATION'"
                        + " and record_json like ?",
                    String.class,
                    "%" + id + "%"),
            actors -> actors.contains("trader"));
  }

  @Test
  void invalidDealsAreRefusedNamingTheField() {
    assertInvalid(without("counterpartyId"), "counterpartyId");
    assertInvalid(with("counterpartyId", UUID.randomUUID().toString()), "counterpartyId");
    assertInvalid(with("direction", "HOLD"), "direction");
    assertInvalid(with("metal", "Xx"), "metal");
    assertInvalid(with("quantity", Map.of("value", 10, "unit", "BARRELS")), "quantity.unit");
    assertInvalid(with("quantity", Map.of("value", -1, "unit", "WMT")), "quantity.value");
    assertInvalid(with("moisturePct", 100), "moisturePct");
    assertInvalid(
        with("assays", Map.of("Cu", Map.of("value", 25, "unit", "KG"))), "assays.Cu.unit");
    assertInvalid(with("assays", Map.of("Zn", Map.of("value", 50, "unit", "PCT"))), "assays");
    assertInvalid(
        with(
            "pricing",
            Map.of(
                "basis", "QP",
                "qpStart", "2026-03-31",
                "qpEnd", "2026-03-01",
                "provisionalPrice", Map.of("value", 9000, "unit", "USD_PER_T"))),
        "pricing.qpEnd");
    assertInvalid(
        with(
            "terms",
            Map.of(
                "payables",
                List.of(Map.of("element", "Cu")),
                "splittingLimits",
                List.of(),
                "umpireRule",
                "UMPIRE_RESULT_IF_BETWEEN")),
        "terms.payables.payablePct");
    assertInvalid(with("value", Map.of("amount", 1000, "currency", "EURO")), "value.currency");
    assertInvalid(with("provisionalPct", 0), "provisionalPct");
    assertInvalid(with("logisticsDeadline", "sixty days"), "logisticsDeadline");
    assertInvalid(with("desk", "precious-metals"), "desk");
    assertThat(
            deals.list(
                new DealStore.Filter(null, UUID.fromString(counterparty), null, null), 0, 10))
        .isEmpty();
  }

  @Test
  void aDealBeyondTheCreditHeadroomIsRefusedAndNotStored() {
    final Answer refused = post("trader", "/api/deals", dealBody(counterparty, 1000, 3_500_000));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("type").asText()).endsWith("/credit-limit-exceeded");
    assertThat(refused.body().get("field").asText()).isEqualTo("value.amount");
    assertThat(deals.count(new DealStore.Filter(null, UUID.fromString(counterparty), null, null)))
        .isZero();
  }

  @Test
  void rolesDecideWhoCapturesAmendsCancelsAndReportsEvents() {
    assertThat(post("risk", "/api/deals", dealBody(counterparty, 1000, 100_000)).status())
        .isEqualTo(403);
    assertThat(post("operations", "/api/deals", dealBody(counterparty, 1000, 100_000)).status())
        .isEqualTo(403);
    final String id = capture("trader", dealBody(counterparty, 1000, 100_000)).get("id").asText();
    assertThat(
            send(
                    "operations",
                    "PATCH",
                    "/api/deals/" + id,
                    Map.of("moisturePct", 9),
                    Map.of("If-Match", "\"0\""))
                .status())
        .isEqualTo(403);
    assertThat(post("legal", "/api/deals/" + id + "/cancel", Map.of()).status()).isEqualTo(403);
    assertThat(event("legal", id, "arrived", "r-1", Map.of()).status()).isEqualTo(403);
    assertThat(get("legal", "/api/deals/" + id).status()).isEqualTo(200);
  }

  @Test
  void unknownDealsAreNotFound() {
    assertThat(get("trader", "/api/deals/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(get("trader", "/api/deals/not-a-uuid").status()).isEqualTo(404);
    assertThat(post("trader", "/api/deals/" + UUID.randomUUID() + "/cancel", Map.of()).status())
        .isEqualTo(404);
    final String id = capture("trader", dealBody(counterparty, 1000, 100_000)).get("id").asText();
    assertThat(event("operations", id, "teleported", "t-1", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void listsFilterByStatusCounterpartyAndDeskAndHideOtherDesks() {
    final String mine = capture("trader", dealBody(counterparty, 1000, 600_000)).get("id").asText();
    final Map<String, Object> precious = dealBody(counterparty, 1000, 600_000);
    precious.put("desk", "precious-metals");
    final String theirs = capture("admin", precious).get("id").asText();

    final JsonNode byAdmin =
        get("admin", "/api/deals?counterparty=" + counterparty + "&status=CAPTURED").body();
    assertThat(ids(byAdmin)).containsExactlyInAnyOrder(mine, theirs);
    assertThat(
            ids(
                get("admin", "/api/deals?counterparty=" + counterparty + "&desk=precious-metals")
                    .body()))
        .containsExactly(theirs);
    // the trader's desk is base-metals: the other desk's deal is neither listed nor readable
    assertThat(ids(get("trader", "/api/deals?counterparty=" + counterparty).body()))
        .containsExactly(mine);
    final Answer other = get("trader", "/api/deals/" + theirs);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body().get("type").asText()).endsWith("/forbidden");
    assertThat(get("risk", "/api/deals/" + theirs).status()).isEqualTo(200);
    final Answer badStatus = get("trader", "/api/deals?status=SHIPPED");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().get("field").asText()).isEqualTo("status");
    assertThat(get("trader", "/api/deals?size=0").body().get("field").asText()).isEqualTo("size");
  }

  @Test
  void amendmentsNeedTheCurrentVersion() {
    final JsonNode deal = capture("trader", dealBody(counterparty, 1000, 100_000));
    final String id = deal.get("id").asText();
    final Answer noVersion =
        send("trader", "PATCH", "/api/deals/" + id, Map.of("moisturePct", 9), Map.of());
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.body().get("field").asText()).isEqualTo("If-Match");

    final Answer amended =
        send(
            "trader2",
            "PATCH",
            "/api/deals/" + id,
            Map.of("moisturePct", 9, "value", Map.of("amount", 200_000, "currency", "USD")),
            Map.of("If-Match", "\"0\""));
    assertThat(amended.status()).as(amended.raw().body()).isEqualTo(200);
    assertThat(amended.body().get("version").asLong()).isEqualTo(1);
    assertThat(amended.raw().headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(amended.body().get("amendedBy"))
        .extracting(JsonNode::asText)
        .containsExactly("trader2");
    assertThat(amended.body().get("moisturePct").decimalValue()).isEqualByComparingTo("9");
    // the new value is reserved, the old reservation released
    assertThat(
            get("trader", "/api/counterparties/" + counterparty + "/credit")
                .body()
                .get("reserved")
                .decimalValue())
        .isEqualByComparingTo("200000");

    final Answer stale =
        send(
            "trader",
            "PATCH",
            "/api/deals/" + id,
            Map.of("moisturePct", 10),
            Map.of("If-Match", "\"0\""));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("type").asText()).endsWith("/stale-version");
    assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);

    final Answer invalid =
        send(
            "trader",
            "PUT",
            "/api/deals/" + id,
            Map.of("quantity", Map.of("value", 0, "unit", "WMT"), "version", 1),
            Map.of());
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("field").asText()).isEqualTo("quantity.value");

    final Answer tooMuch =
        send(
            "trader",
            "PATCH",
            "/api/deals/" + id,
            Map.of("value", Map.of("amount", 5_000_000, "currency", "USD")),
            Map.of("If-Match", "\"1\""));
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.body().get("type").asText()).endsWith("/credit-limit-exceeded");
  }

  @Test
  void eventsArePublishedOncePerKeyAndNeedOne() {
    final JsonNode deal = capture("trader", dealBody(counterparty, 1000, 100_000));
    final String id = deal.get("id").asText();
    final Answer noKey =
        event("operations", id, "vessel-nominated", null, Map.of("vesselName", "MV Cobre"));
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.body().get("field").asText()).isEqualTo("Idempotency-Key");
    final Answer noVessel =
        event("operations", id, "vessel-nominated", "v-1", Map.of("imo", "1234567"));
    assertThat(noVessel.status()).isEqualTo(400);
    assertThat(noVessel.body().get("field").asText()).isEqualTo("vesselName");

    final Answer first =
        event("operations", id, "vessel-nominated", "v-1", Map.of("vesselName", "MV Cobre"));
    final Answer second =
        event("operations", id, "vessel-nominated", "v-1", Map.of("vesselName", "MV Cobre"));
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(first.body().get("duplicate").asBoolean()).isFalse();
    assertThat(second.body().get("duplicate").asBoolean()).isTrue();
    assertThat(second.body().get("messageId").asText())
        .isEqualTo("vessel-nominated:" + id + ":v-1");
    // published once, with the reporter as the audited actor
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForList(
                    "select actor from audit_entry where value_type = 'MESSAGE' and intent = 'PUBLISHED'"
                        + " and record_json like ?",
                    String.class,
                    "%vessel-nominated:" + id + "%"),
            actors -> actors.equals(List.of("operations")));

    // an event recorded whose message a crash kept from the engine: the repeat publishes it
    jdbc.update(
        "insert into deal_event (deal_id, event_type, event_key, message_id, received_at,"
            + " received_by) values (?, 'bill-of-lading-issued', 'bl-lost', ?, now(), 'operations')",
        java.util.UUID.fromString(id),
        "bill-of-lading-issued:" + id + ":bl-lost");
    final Answer recovered =
        event(
            "operations",
            id,
            "bill-of-lading-issued",
            "bl-lost",
            Map.of("billOfLadingNumber", "BL-9"));
    assertThat(recovered.status()).isEqualTo(202);
    assertThat(recovered.body().get("duplicate").asBoolean()).isTrue();
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from audit_entry where value_type = 'MESSAGE'"
                        + " and intent = 'PUBLISHED' and record_json like ?",
                    Integer.class,
                    "%bill-of-lading-issued:" + id + ":bl-lost%"),
            n -> n == 1);

    final Answer payment =
        event("operations", id, "payment-received", "p-1", Map.of("amount", 100));
    assertThat(payment.status()).isEqualTo(409);
    assertThat(payment.body().get("detail").asText()).contains("no final invoice yet");
    final Answer provisional =
        event(
            "operations",
            id,
            "payment-received",
            "p-2",
            Map.of("amount", 100, "invoice", "provisional"));
    assertThat(provisional.status()).isEqualTo(409);
    assertThat(provisional.body().get("detail").asText()).contains("no provisional invoice yet");
    final Answer unknownInvoice =
        event(
            "operations", id, "payment-received", "p-3", Map.of("amount", 100, "invoice", "DRAFT"));
    assertThat(unknownInvoice.status()).isEqualTo(400);
    assertThat(unknownInvoice.body().get("field").asText()).isEqualTo("invoice");

    assertThat(post("trader", "/api/deals/" + id + "/cancel", Map.of("reason", "Test")).status())
        .isEqualTo(202);
    assertThat(event("operations", id, "arrived", "a-1", Map.of()).status()).isEqualTo(409);
    // a repeat of an event it took is still answered as the duplicate it is
    final Answer late =
        event("operations", id, "vessel-nominated", "v-1", Map.of("vesselName", "MV Cobre"));
    assertThat(late.status()).as(late.raw().body()).isEqualTo(202);
    assertThat(late.body().get("duplicate").asBoolean()).isTrue();
  }

  private void assertInvalid(final Map<String, Object> body, final String field) {
    final Answer answer = post("trader", "/api/deals", body);
    assertThat(answer.status()).as(field + ": " + answer.raw().body()).isEqualTo(400);
    assertThat(answer.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(answer.body().get("field").asText()).as(answer.raw().body()).isEqualTo(field);
  }

  private Map<String, Object> with(final String field, final Object value) {
    final Map<String, Object> body = new LinkedHashMap<>(dealBody(counterparty, 1000, 100_000));
    body.put(field, value);
    return body;
  }

  private Map<String, Object> without(final String field) {
    final Map<String, Object> body = new LinkedHashMap<>(dealBody(counterparty, 1000, 100_000));
    body.remove(field);
    return body;
  }

  private static List<String> ids(final JsonNode page) {
    final List<String> ids = new java.util.ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
