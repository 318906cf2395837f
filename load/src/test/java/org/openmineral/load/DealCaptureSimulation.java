package org.openmineral.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deal capture under load: {@code CAPTURE_USERS} (50) clients, each capturing deals over HTTP
 * against the running application for {@code CAPTURE_SECONDS} (60): {@code POST /api/deals} as the
 * trader, then {@code GET /api/deals/{id}} every {@code CAPTURE_POLL_MS} (250) until the deal shows
 * its first open task (the approval, once KYC, risk score, credit check and approval routing ran),
 * then {@code GET /api/tasks/{key}} for the task's creation time as the engine recorded it. With
 * {@code CAPTURE_PACE_SECONDS} 0 (the default) each client captures its next deal as soon as it saw
 * the last one's task (closed loop: the most the product takes); with a pace of p seconds each
 * client starts one capture every p seconds, the first at a random offset within p (50 clients at
 * 10 s: 5 deals/s, spread). Before the load, four counterparties are created and approved through
 * the API (onboarding process, compliance decision) with a 10 bn USD limit each. Prints p50/p99 of
 * the capture request, of the time from sending it to the engine creating the first task (the
 * engine's timestamp; client and server share the machine's clock) and to seeing it in the inbox,
 * beside Gatling's own report.
 */
public class DealCaptureSimulation extends Simulation {
  private static final String BASE = env("OPENMINERAL_URL", "http://localhost:8080");
  private static final int USERS = Integer.parseInt(env("CAPTURE_USERS", "50"));
  private static final int SECONDS = Integer.parseInt(env("CAPTURE_SECONDS", "60"));
  private static final int WARM_UP = Integer.parseInt(env("CAPTURE_WARM_UP_SECONDS", "30"));
  private static final String MEASURED = "capture deals";
  private static final Duration POLL =
      Duration.ofMillis(Long.parseLong(env("CAPTURE_POLL_MS", "250")));
  private static final Duration PACE =
      Duration.ofSeconds(Long.parseLong(env("CAPTURE_PACE_SECONDS", "0")));
  private static final long GIVE_UP_NANOS = Duration.ofSeconds(30).toNanos();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient SETUP = HttpClient.newHttpClient();
  private static final List<String> COUNTERPARTIES = new ArrayList<>();
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final ConcurrentLinkedQueue<Long> CAPTURE_MS = new ConcurrentLinkedQueue<>();
  private static final ConcurrentLinkedQueue<Long> FIRST_TASK_MS = new ConcurrentLinkedQueue<>();
  private static final ConcurrentLinkedQueue<Long> TASK_CREATED_MS = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger NO_TASK = new AtomicInteger();
  private static volatile String traderToken;

  private static String env(final String name, final String fallback) {
    final String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private final HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .disableCaching()
          .shareConnections();

  private static ScenarioBuilder capture(final String name, final int seconds) {
    return scenario(name)
        // paced clients start at random offsets within the pace: arrivals spread, not in step
        .pause(Duration.ZERO, PACE)
        .during(Duration.ofSeconds(seconds))
        .on(
            pace(PACE)
                .exec(
                    session ->
                        session
                            .set("body", dealBody())
                            .set("key", "load-" + UUID.randomUUID())
                            .set("started", System.nanoTime())
                            .set("sentAt", System.currentTimeMillis())
                            .remove("firstTask")
                            .remove("taskCreated"))
                .exec(
                    http("POST /api/deals")
                        .post("/api/deals")
                        .header("Authorization", session -> "Bearer " + traderToken)
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        .check(
                            status().is(201),
                            jsonPath("$.id").saveAs("dealId"),
                            responseTimeInMillis().saveAs("captureMs")))
                .exec(
                    session -> {
                      if (!session.isFailed()) {
                        if (measured(session)) {
                          CAPTURE_MS.add((long) session.getInt("captureMs"));
                        }
                      }
                      return session;
                    })
                .asLongAs(
                    session ->
                        !session.isFailed()
                            && !session.contains("firstTask")
                            && System.nanoTime() - session.getLong("started") < GIVE_UP_NANOS)
                .on(
                    pause(POLL),
                    http("GET /api/deals/{id}")
                        .get("/api/deals/#{dealId}")
                        .header("Authorization", session -> "Bearer " + traderToken)
                        .check(
                            status().is(200),
                            jsonPath("$.openTasks[0].key").optional().saveAs("firstTask")))
                .exec(
                    session -> {
                      if (!measured(session)) {
                        return session;
                      }
                      if (session.contains("firstTask")) {
                        FIRST_TASK_MS.add(
                            (System.nanoTime() - session.getLong("started")) / 1_000_000);
                      } else if (session.contains("dealId")) {
                        NO_TASK.incrementAndGet();
                      }
                      return session;
                    })
                .doIf(session -> session.contains("firstTask"))
                .then(
                    http("GET /api/tasks/{key}")
                        .get("/api/tasks/#{firstTask}")
                        .header("Authorization", session -> "Bearer " + traderToken)
                        .check(status().is(200), jsonPath("$.creationTime").saveAs("taskCreated")))
                .exec(
                    session -> {
                      if (session.contains("taskCreated") && measured(session)) {
                        TASK_CREATED_MS.add(
                            Instant.parse(session.getString("taskCreated")).toEpochMilli()
                                - session.getLong("sentAt"));
                      }
                      return session.markAsSucceeded().remove("dealId");
                    }));
  }

  private static boolean measured(final io.gatling.javaapi.core.Session session) {
    return MEASURED.equals(session.scenario());
  }

  {
    final PopulationBuilder measured =
        capture(MEASURED, SECONDS)
            .injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS)));
    setUp(
            WARM_UP == 0
                ? measured
                : capture("warm up", WARM_UP)
                    .injectClosed(
                        constantConcurrentUsers(USERS).during(Duration.ofSeconds(WARM_UP)))
                    .andThen(measured))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(WARM_UP + SECONDS + 120L));
  }

  private static String dealBody() {
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("counterpartyId", COUNTERPARTIES.get(NEXT.getAndIncrement() % COUNTERPARTIES.size()));
    body.put("direction", "BUY");
    body.put("commodity", "Copper concentrate");
    body.put("metal", "Cu");
    body.put("quantity", Map.of("value", 1000, "unit", "WMT"));
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
    body.put("value", Map.of("amount", 1_000_000, "currency", "USD"));
    try {
      return JSON.writeValueAsString(body);
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void before() {
    try {
      traderToken = token("trader");
      final String compliance = token("compliance");
      for (int i = 0; i < 4; i++) {
        final JsonNode created =
            send(
                traderToken,
                "POST",
                "/api/counterparties",
                Map.of(
                    "name",
                    "Load Copper SA " + UUID.randomUUID().toString().substring(0, 8),
                    "type",
                    "ENTITY",
                    "country",
                    "CH",
                    "ownershipDisclosed",
                    true,
                    "creditLimit",
                    Map.of("amount", 10_000_000_000L, "currency", "USD")),
                201);
        final String id = created.get("id").asText();
        final String onboarding = created.get("onboardingProcessInstanceKey").asText();
        final long task = awaitTask(compliance, onboarding, "compliance-decision");
        send(
            compliance,
            "POST",
            "/api/tasks/" + task + "/complete",
            Map.of(
                "complianceDecision", "APPROVE",
                "complianceComment", "Documents checked, no findings"),
            204);
        awaitApproved(id);
        COUNTERPARTIES.add(id);
      }
      System.out.printf(
          Locale.ROOT,
          "Deal capture: %d clients for %d s against %s; %d counterparties approved%n",
          USERS,
          SECONDS,
          BASE,
          COUNTERPARTIES.size());
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void after() {
    final List<Long> capture = CAPTURE_MS.stream().sorted().toList();
    final List<Long> firstTask = FIRST_TASK_MS.stream().sorted().toList();
    final List<Long> created = TASK_CREATED_MS.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "%nDeal capture, %d clients, %d s, %s: %d deals captured (%.1f/s)%n"
            + "  POST /api/deals               p50 %d ms, p99 %d ms, max %d ms (target p50 <= 50,"
            + " p99 <= 150)%n"
            + "  capture -> first task created p50 %d ms, p99 %d ms, max %d ms over %d deals"
            + " (target p99 <= 1500; the engine's timestamp)%n"
            + "  capture -> first task seen    p50 %d ms, p99 %d ms, max %d ms (polled every %d"
            + " ms)%n"
            + "  deals without a task within 30 s: %d%n",
        USERS,
        SECONDS,
        PACE.isZero() ? "closed loop" : "one capture per client every " + PACE.toSeconds() + " s",
        capture.size(),
        capture.size() / (double) SECONDS,
        percentile(capture, 50),
        percentile(capture, 99),
        capture.isEmpty() ? -1 : capture.getLast(),
        percentile(created, 50),
        percentile(created, 99),
        created.isEmpty() ? -1 : created.getLast(),
        created.size(),
        percentile(firstTask, 50),
        percentile(firstTask, 99),
        firstTask.isEmpty() ? -1 : firstTask.getLast(),
        POLL.toMillis(),
        NO_TASK.get());
  }

  private static long percentile(final List<Long> sorted, final double p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    final int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static long awaitTask(final String token, final String instance, final String elementId)
      throws IOException, InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      final JsonNode tasks =
          send(token, "GET", "/api/tasks?processInstanceKey=" + instance, null, 200);
      for (final JsonNode t : tasks) {
        if (elementId.equals(t.path("elementId").asText())) {
          return t.get("key").asLong();
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no task " + elementId + " in instance " + instance);
  }

  private static void awaitApproved(final String counterparty)
      throws IOException, InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      final JsonNode c = send(traderToken, "GET", "/api/counterparties/" + counterparty, null, 200);
      if ("APPROVED".equals(c.path("kycStatus").asText())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("counterparty " + counterparty + " not approved");
  }

  private static String token(final String user) throws IOException, InterruptedException {
    return send(null, "POST", "/api/auth/token", Map.of("username", user, "password", user), 200)
        .get("access_token")
        .asText();
  }

  private static JsonNode send(
      final String token,
      final String method,
      final String path,
      final Object body,
      final int expected)
      throws IOException, InterruptedException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    final HttpResponse<String> response =
        SETUP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
