package org.openmineral.counterparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmineral.ApplicationTest;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/counterparties} over real HTTP with the demo users' tokens, on the embedded engine:
 * creation starts {@code counterparty-onboarding} (seen in the engine's record feed), and the
 * record follows the process.
 */
class CounterpartyApiTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired EmbeddedEngine engine;

  private final List<Record<?>> records = new CopyOnWriteArrayList<>();
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
  void createStoresAPendingCounterpartyAndStartsItsOnboarding() throws IOException {
    final Map<String, Object> body =
        counterparty("Nordvik Smelting AS " + System.nanoTime(), "ENTITY", "NO");
    body.put("ultimateBeneficialOwners", List.of("Kari Nordmann", "Ola Nordmann"));
    body.put("ownershipDisclosed", true);
    body.put("creditLimit", Map.of("amount", 2500000, "currency", "usd"));

    final HttpResponse<String> created = post(body, "trader", null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    final JsonNode counterparty = JSON.readTree(created.body());
    final String id = counterparty.get("id").asText();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/counterparties/" + id);
    assertThat(counterparty.get("kycStatus").asText()).isEqualTo("PENDING");
    assertThat(counterparty.get("type").asText()).isEqualTo("ENTITY");
    assertThat(counterparty.get("ultimateBeneficialOwners"))
        .extracting(JsonNode::asText)
        .containsExactly("Kari Nordmann", "Ola Nordmann");
    assertThat(counterparty.get("creditLimit").get("amount").decimalValue())
        .isEqualByComparingTo("2500000");
    assertThat(counterparty.get("creditLimit").get("currency").asText()).isEqualTo("USD");
    assertThat(counterparty.get("createdBy").asText()).isEqualTo("trader");
    final long processKey =
        Long.parseLong(counterparty.get("onboardingProcessInstanceKey").asText());

    final Record<?> started =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    records.stream()
                        .filter(
                            r ->
                                isEvent(
                                        r,
                                        ValueType.PROCESS_INSTANCE,
                                        ProcessInstanceIntent.ELEMENT_ACTIVATED)
                                    && r.getKey() == processKey)
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    final ProcessInstanceRecordValue instance = (ProcessInstanceRecordValue) started.getValue();
    assertThat(instance.getBpmnProcessId()).isEqualTo("counterparty-onboarding");
    assertThat(instance.getBpmnElementType()).isEqualTo(BpmnElementType.PROCESS);
    assertThat(processesFor(id)).containsExactly(processKey);

    final HttpResponse<String> read = get("/api/counterparties/" + id, "auditor");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("id").asText()).isEqualTo(id);
    assertThat(JSON.readTree(read.body()).get("onboardingProcessInstanceKey").asText())
        .isEqualTo(Long.toString(processKey));

    // The process screens (clear), rates (LOW) and records that it awaits the compliance decision.
    final JsonNode kyc =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> JSON.readTree(get("/api/counterparties/" + id + "/kyc", "legal").body()),
                k -> k.get("kycStatus").asText().equals("UNDER_REVIEW"));
    assertThat(kyc.get("riskRating").asText()).isEqualTo("LOW");
    assertThat(kyc.get("latestScreeningDecision").asText()).isEqualTo("CLEAR");
    assertThat(kyc.get("nextReviewDate").isNull()).isTrue();
    assertThat(kyc.get("history")).hasSize(1);
    assertThat(kyc.get("history").get(0).get("elementId").asText())
        .isEqualTo("record-under-review");
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        Arguments.of(Map.of("type", "ENTITY", "country", "CH"), "name"),
        Arguments.of(Map.of("name", " ", "type", "ENTITY", "country", "CH"), "name"),
        Arguments.of(Map.of("name", "Acme", "country", "CH"), "type"),
        Arguments.of(Map.of("name", "Acme", "type", "AIRCRAFT", "country", "CH"), "type"),
        Arguments.of(Map.of("name", "Acme", "type", "ENTITY"), "country"),
        Arguments.of(Map.of("name", "Acme", "type", "ENTITY", "country", "XX"), "country"),
        Arguments.of(Map.of("name", "Acme", "type", "ENTITY", "country", "CHE"), "country"),
        Arguments.of(
            Map.of(
                "name",
                "Acme",
                "type",
                "ENTITY",
                "country",
                "CH",
                "ultimateBeneficialOwners",
                List.of("Anna Muster", "")),
            "ultimateBeneficialOwners[1]"),
        Arguments.of(
            Map.of(
                "name",
                "Acme",
                "type",
                "ENTITY",
                "country",
                "CH",
                "ultimateBeneficialOwners",
                Map.of("name", "Anna Muster")),
            "ultimateBeneficialOwners"),
        Arguments.of(
            Map.of(
                "name",
                "Acme",
                "type",
                "ENTITY",
                "country",
                "CH",
                "creditLimit",
                Map.of("amount", 1000, "currency", "XYZ")),
            "creditLimit.currency"),
        Arguments.of(
            Map.of(
                "name",
                "Acme",
                "type",
                "ENTITY",
                "country",
                "CH",
                "creditLimit",
                Map.of("amount", -1, "currency", "USD")),
            "creditLimit.amount"));
  }

  @ParameterizedTest
  @MethodSource("invalidRequests")
  void invalidInputIsA400ProblemNamingTheField(final Map<String, Object> body, final String field)
      throws IOException {
    final HttpResponse<String> response = post(body, "compliance", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    final JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://openmineral.org/problems/invalid-input");
    assertThat(problem.get("field").asText()).isEqualTo(field);
  }

  @Test
  void anUnknownIdIsA404Problem() throws IOException {
    for (final String path :
        List.of(
            "/api/counterparties/" + UUID.randomUUID(),
            "/api/counterparties/" + UUID.randomUUID() + "/kyc",
            "/api/counterparties/not-a-uuid")) {
      final HttpResponse<String> response = get(path, "trader");
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).get("type").asText())
          .isEqualTo("https://openmineral.org/problems/not-found");
    }
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheSameCounterpartyAndStartsOneProcess()
      throws IOException {
    final String key = UUID.randomUUID().toString();
    final Map<String, Object> body =
        counterparty("Andes Concentrates SAC " + System.nanoTime(), "ENTITY", "PE");

    final HttpResponse<String> first = post(body, "trader", key);
    final HttpResponse<String> second = post(body, "trader", key);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    final JsonNode one = JSON.readTree(first.body());
    final JsonNode two = JSON.readTree(second.body());
    assertThat(two.get("id").asText()).isEqualTo(one.get("id").asText());
    assertThat(two.get("onboardingProcessInstanceKey").asText())
        .isEqualTo(one.get("onboardingProcessInstanceKey").asText());
    assertThat(second.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));

    // The same key in the body (requestId) is the same request too.
    final Map<String, Object> withRequestId = new LinkedHashMap<>(body);
    withRequestId.put("requestId", key);
    final HttpResponse<String> third = post(withRequestId, "trader", null);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(third.body()).get("id").asText()).isEqualTo(one.get("id").asText());

    final String id = one.get("id").asText();
    Awaitility.await().atMost(WAIT).until(() -> !processesFor(id).isEmpty());
    // Let the engine catch up with anything else that might have been started.
    Awaitility.await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> processesFor(id).size() == 1);
    assertThat(processesFor(id))
        .containsExactly(Long.parseLong(one.get("onboardingProcessInstanceKey").asText()));

    final Map<String, Object> different = new LinkedHashMap<>(body);
    different.put("country", "CL");
    final HttpResponse<String> reused = post(different, "trader", key);
    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
    assertThat(JSON.readTree(reused.body()).get("type").asText())
        .isEqualTo("https://openmineral.org/problems/idempotency-key-reused");
  }

  @Test
  void concurrentRepeatsWithTheSameKeyStoreOneCounterpartyAndStartOneProcess() throws Exception {
    final String key = UUID.randomUUID().toString();
    final Map<String, Object> body =
        counterparty("Concurrent Repeat Metals BV " + System.nanoTime(), "ENTITY", "NL");
    bearer("trader"); // log in once, before the race
    final java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    final List<java.util.concurrent.Future<HttpResponse<String>>> answers;
    try {
      answers =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  6,
                  (java.util.concurrent.Callable<HttpResponse<String>>)
                      () -> post(body, "trader", key)));
    } finally {
      pool.shutdown();
    }
    final Set<String> ids = new java.util.HashSet<>();
    final List<Integer> statuses = new java.util.ArrayList<>();
    for (final java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
      final HttpResponse<String> response = answer.get();
      statuses.add(response.statusCode());
      ids.add(JSON.readTree(response.body()).get("id").asText());
    }
    assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
    assertThat(ids).hasSize(1);
    final String id = ids.iterator().next();
    Awaitility.await().atMost(WAIT).until(() -> !processesFor(id).isEmpty());
    Awaitility.await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> processesFor(id).size() == 1);
  }

  @Test
  void rolesDecideWhoCreatesAndAnyTokenReads() throws IOException {
    final Map<String, Object> body = counterparty("Legal Cannot Create Ltd", "ENTITY", "GB");
    assertThat(post(body, "legal", null).statusCode()).isEqualTo(403);
    assertThat(post(body, "risk", null).statusCode()).isEqualTo(403);
    assertThat(
            send(HttpRequest.newBuilder(url("/api/counterparties"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build())
                .statusCode())
        .isEqualTo(401);
    for (final String role : List.of("legal", "auditor", "operations", "desk-head")) {
      assertThat(get("/api/counterparties", role).statusCode()).as(role).isEqualTo(200);
    }
    assertThat(post(body, "admin", null).statusCode()).isEqualTo(201);
  }

  @Test
  void listFiltersByStatusCountryAndNameWithPaging() throws IOException {
    final String tag = "Filtertest" + System.nanoTime();
    post(counterparty(tag + " Alpha Metals AG", "ENTITY", "CH"), "trader", null);
    post(counterparty(tag + " Beta Mining SA", "ENTITY", "PE"), "trader", null);
    post(counterparty(tag + " Gamma Trading GmbH", "ENTITY", "CH"), "trader", null);
    post(counterparty(tag + " Delta Ore Co", "ENTITY", "IR"), "compliance", null);

    final JsonNode all = JSON.readTree(get("/api/counterparties?name=" + tag, "auditor").body());
    assertThat(all.get("totalItems").asLong()).isEqualTo(4);
    assertThat(all.get("items")).hasSize(4);

    final JsonNode swiss =
        JSON.readTree(
            get("/api/counterparties?country=ch&name=" + tag.toLowerCase(), "auditor").body());
    assertThat(names(swiss))
        .containsExactlyInAnyOrder(tag + " Alpha Metals AG", tag + " Gamma Trading GmbH");

    final JsonNode page1 =
        JSON.readTree(get("/api/counterparties?name=" + tag + "&size=3&page=1", "auditor").body());
    assertThat(page1.get("items")).hasSize(1);
    assertThat(page1.get("totalItems").asLong()).isEqualTo(4);
    assertThat(page1.get("totalPages").asInt()).isEqualTo(2);
    assertThat(names(page1)).containsExactly(tag + " Alpha Metals AG"); // oldest last

    // The counterparty in a prohibited country is rejected by the process without a person.
    final JsonNode rejected =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    JSON.readTree(
                        get("/api/counterparties?status=REJECTED&name=" + tag, "auditor").body()),
                page -> page.get("totalItems").asLong() == 1);
    assertThat(names(rejected)).containsExactly(tag + " Delta Ore Co");
    assertThat(rejected.get("items").get(0).get("riskRating").asText()).isEqualTo("PROHIBITED");

    for (final String[] bad :
        new String[][] {
          {"status=DONE", "status"},
          {"country=XX", "country"},
          {"size=500", "size"},
          {"page=-1", "page"},
          {"size=ten", "size"}
        }) {
      final HttpResponse<String> response = get("/api/counterparties?" + bad[0], "auditor");
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(bad[1]);
    }
  }

  private static List<String> names(final JsonNode page) {
    final List<String> names = new java.util.ArrayList<>();
    page.get("items").forEach(item -> names.add(item.get("name").asText()));
    return names;
  }

  private static Map<String, Object> counterparty(
      final String name, final String type, final String country) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", type);
    body.put("country", country);
    return body;
  }

  /** The keys of the process instances started with {@code counterpartyId = id}. */
  private Set<Long> processesFor(final String id) {
    final String value = "\"" + id + "\"";
    return records.stream()
        .filter(
            r ->
                r.getRecordType() == RecordType.EVENT
                    && r.getValueType() == ValueType.VARIABLE
                    && r.getValue() instanceof VariableRecordValue v
                    && v.getName().equals("counterpartyId")
                    && v.getValue().equals(value)
                    && v.getScopeKey() == v.getProcessInstanceKey())
        .map(r -> ((VariableRecordValue) r.getValue()).getProcessInstanceKey())
        .collect(Collectors.toSet());
  }

  private static boolean isEvent(
      final Record<?> r, final ValueType type, final ProcessInstanceIntent intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  private HttpResponse<String> post(
      final Map<String, Object> body, final String user, final String idempotencyKey)
      throws IOException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(url("/api/counterparties"))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  private HttpResponse<String> get(final String path, final String user) {
    return send(
        HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build());
  }

  private static HttpResponse<String> send(final HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (final IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
