package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.openmineral.ProcessTest;
import org.openmineral.counterparty.CounterpartyService;
import org.openmineral.counterparty.KycStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deals over real HTTP against the application with its embedded engine, workers and database:
 * counterparties created and onboarded through their own process, deals captured through the API,
 * the trade lifecycle observed through the record feed and the deal's record.
 */
abstract class DealProcessSupport extends ProcessTest {
  static final String PROCESS = "trade-lifecycle";

  @Autowired CounterpartyService counterpartyService;
  @Autowired DealStore deals;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  /** A response with its body read as JSON (null when empty). */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  Answer send(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers) {
    try {
      final HttpRequest.Builder request =
          HttpRequest.newBuilder(url(path))
              .header("Authorization", bearer(user))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      headers.forEach(request::header);
      final HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body().isEmpty() ? null : json.readTree(response.body()),
          response);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer post(final String user, final String path, final Object body) {
    return send(user, "POST", path, body, Map.of());
  }

  Answer get(final String user, final String path) {
    return send(user, "GET", path, null, Map.of());
  }

  /** A counterparty in CH with a USD credit limit, onboarded: compliance approved it. */
  String approvedCounterparty(final String name, final long creditLimit) {
    final String id = counterparty(name, "CH", creditLimit);
    final long onboarding =
        counterpartyService
            .find(UUID.fromString(id))
            .orElseThrow()
            .getOnboardingProcessInstanceKey();
    final long decision = awaitUserTask(onboarding, "compliance-decision");
    userTasks.complete(
        decision, Map.of("complianceDecision", "APPROVE", "complianceComment", "Checked"));
    awaitKyc(id, KycStatus.APPROVED);
    return id;
  }

  /** A counterparty created through the API by the trader (its onboarding starts). */
  String counterparty(final String name, final String country, final long creditLimit) {
    final Answer created =
        post(
            "trader",
            "/api/counterparties",
            Map.of(
                "name",
                name + " " + UUID.randomUUID().toString().substring(0, 8),
                "type",
                "ENTITY",
                "country",
                country,
                "ownershipDisclosed",
                true,
                "creditLimit",
                Map.of("amount", creditLimit, "currency", "USD")));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.body().get("id").asText();
  }

  void awaitKyc(final String counterpartyId, final KycStatus status) {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                counterpartyService
                    .find(UUID.fromString(counterpartyId))
                    .orElseThrow()
                    .getKycStatus(),
            s -> s == status);
  }

  LocalDate engineToday() {
    return LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
  }

  /**
   * A copper concentrate purchase: {@code wmt} wet tonnes at 8 % moisture, 25 % Cu, 96.5 % payable,
   * QP from 10 to 20 days after the engine's today, provisional price 9,000 USD/t.
   */
  Map<String, Object> dealBody(final String counterpartyId, final long wmt, final long value) {
    final LocalDate today = engineToday();
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("counterpartyId", counterpartyId);
    body.put("direction", "BUY");
    body.put("commodity", "Copper concentrate");
    body.put("metal", "Cu");
    body.put("quantity", Map.of("value", wmt, "unit", "WMT"));
    body.put("moisturePct", 8);
    body.put("assays", Map.of("Cu", Map.of("value", 25, "unit", "PCT")));
    body.put(
        "pricing",
        Map.of(
            "basis", "QP",
            "qpStart", today.plusDays(10).toString(),
            "qpEnd", today.plusDays(20).toString(),
            "provisionalPrice", Map.of("value", 9000, "unit", "USD_PER_T")));
    body.put(
        "terms",
        Map.of(
            "payables",
                List.of(Map.of("element", "Cu", "payablePct", 96.5, "minDeductionUnits", 1.0)),
            "treatmentCharge", Map.of("usdPerDmt", 80),
            "refiningCharges",
                List.of(Map.of("element", "Cu", "amount", 0.08, "unit", "USD_PER_LB")),
            "splittingLimits",
                List.of(Map.of("element", "Cu", "maxDifference", 0.2, "unit", "PCT")),
            "umpireRule", "UMPIRE_RESULT_IF_BETWEEN"));
    body.put("provisionalPct", 90);
    body.put("value", Map.of("amount", value, "currency", "USD"));
    return body;
  }

  /** Captures a deal as {@code user} and returns the response body. */
  JsonNode capture(final String user, final Map<String, Object> body) {
    final Answer answer = post(user, "/api/deals", body);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return answer.body();
  }

  Deal awaitDeal(final String dealId, final java.util.function.Predicate<Deal> condition) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> deals.find(UUID.fromString(dealId)).orElseThrow(), condition);
  }

  /** Completes a task over HTTP as {@code user}. */
  Answer complete(final String user, final long task, final Map<String, Object> variables) {
    // the task inbox reads a projection of the engine's records, which lags it a little
    Awaitility.await().atMost(WAIT).until(() -> get("admin", "/api/tasks/" + task).status() == 200);
    return post(user, "/api/tasks/" + task + "/complete", variables);
  }

  Answer event(
      final String user,
      final String dealId,
      final String event,
      final String key,
      final Object body) {
    return send(
        user,
        "POST",
        "/api/deals/" + dealId + "/events/" + event,
        body,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  /** The key of the first instance of {@code processId} called from {@code parent}. */
  long awaitCalledInstance(final long parent, final String processId) {
    return await(
            r ->
                isEvent(
                        r,
                        io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE,
                        io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent
                            .ELEMENT_ACTIVATED)
                    && r.getValue()
                        instanceof
                        io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue v
                    && v.getBpmnElementType()
                        == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS
                    && v.getBpmnProcessId().equals(processId)
                    && v.getParentProcessInstanceKey() == parent)
        .getKey();
  }
}
