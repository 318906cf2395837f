package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives deals of {@link LifecycleDeals} from capture to CLOSED through the packaged product's HTTP
 * API, as its traders, desk head, legal and operations would: it polls the deal, completes its open
 * tasks, reports the shipment events, the assays and the payments of the provisional and the final
 * invoice. Every capture and event goes twice with one idempotency key (the second must come back
 * as the same deal, or as a refused duplicate). It is as stubborn as a real client: a request that
 * got no answer (the application was down) is sent again with the same key. Used by {@link
 * FaultRun} and {@link SoakRun}.
 */
final class ProductDriver {
  private static final List<String> LOGISTICS =
      List.of("vessel-nominated", "bill-of-lading-issued", "arrived");

  /** The deal events a lifecycle records, and how many of each (one payment per invoice). */
  static final Map<String, Integer> EVENTS =
      Map.of(
          "vessel-nominated", 1,
          "bill-of-lading-issued", 1,
          "arrived", 1,
          "assays-received", 1,
          "payment-received", 2);

  private static final Set<String> HAPPY_PATH_TASKS =
      Set.of("approve-deal", "draft-contract-manually", "legal-review", "compliance-decision");
  private static final Duration STUBBORN_FOR = Duration.ofMinutes(5);
  private static final Duration DEAL_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration POLL = Duration.ofMillis(700);

  private final FullProductChannel.ProductHttp http;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> counterparties = new ArrayList<>();
  final Map<Integer, String> dealIds = new ConcurrentHashMap<>();
  final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  final AtomicLong requestsRetried = new AtomicLong();
  final AtomicLong captureReplays = new AtomicLong();
  final AtomicLong eventDuplicatesRefused = new AtomicLong();
  final AtomicLong tasksCompleted = new AtomicLong();
  final AtomicLong staleTaskCompletions = new AtomicLong();
  final AtomicInteger closed = new AtomicInteger();
  final Samples lifecycleMs = new Samples();
  private volatile boolean down;

  ProductDriver(final URI base) {
    this.http = new FullProductChannel.ProductHttp(base);
  }

  /** A bearer token of the demo user. */
  String token(final String user) throws IOException, InterruptedException {
    return http.token(user);
  }

  /** While true the application is known to be down: retries wait longer. */
  void down(final boolean down) {
    this.down = down;
  }

  /** One deal from capture to CLOSED, as its traders, desk head, legal and operations would. */
  void drive(final int n, final LocalDate today) throws Exception {
    final String key = "fault-" + run + "-" + n;
    final Map<String, Object> body =
        LifecycleDeals.captureBody(counterparties.get(n % counterparties.size()), today);
    final long t0 = System.nanoTime();
    final JsonNode captured =
        send("trader", "POST", "/api/deals", body, Map.of("Idempotency-Key", key), 201, 200);
    final String id = captured.get("id").asText();
    dealIds.put(n, id);
    // the same capture again, as a client that did not see the answer would send it
    final JsonNode again =
        send("trader", "POST", "/api/deals", body, Map.of("Idempotency-Key", key), 200);
    if (!id.equals(again.get("id").asText())) {
      problem("deal " + n, new IllegalStateException("a repeated capture made a second deal"));
    }
    captureReplays.incrementAndGet();

    boolean logistics = false;
    boolean assays = false;
    boolean provisionalPaid = false;
    boolean paid = false;
    final long deadline = t0 + DEAL_TIMEOUT.toNanos();
    while (true) {
      final JsonNode deal = send("admin", "GET", "/api/deals/" + id, null, Map.of(), 200);
      final String status = deal.path("status").asText();
      switch (status) {
        case "CLOSED" -> {
          closed.incrementAndGet();
          lifecycleMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
          return;
        }
        case "REJECTED", "CANCELLED" ->
            throw new IllegalStateException(
                "deal " + id + " ended " + status + " at stage " + deal.path("stage").asText());
        default -> {}
      }
      for (final JsonNode task : deal.path("openTasks")) {
        complete(id, task);
      }
      if (!logistics && ("APPROVED".equals(status) || "IN_EXECUTION".equals(status))) {
        for (final String event : LOGISTICS) {
          eventTwice(id, event, event, logisticsBody(event));
        }
        logistics = true;
      }
      if ("SETTLING".equals(status)) {
        final Map<String, JsonNode> invoices =
            provisionalPaid && paid ? Map.of() : invoicesByKind(id);
        if (!provisionalPaid) {
          final JsonNode provisional = invoices.get("PROVISIONAL");
          if (provisional != null) {
            eventTwice(
                id, "payment-received", "provisional-payment", payment(provisional, "PROVISIONAL"));
            provisionalPaid = true;
          }
        }
        if (!assays) {
          eventTwice(
              id,
              "assays-received",
              "assays-received",
              Map.of(
                  "sellerAssays", Map.of("Cu", Map.of("value", 25.10, "unit", "PCT")),
                  "buyerAssays", Map.of("Cu", Map.of("value", 25.00, "unit", "PCT"))));
          assays = true;
        }
        if (!paid) {
          final JsonNode finalInvoice = invoices.get("FINAL");
          if (finalInvoice != null) {
            eventTwice(id, "payment-received", "final-payment", payment(finalInvoice, "FINAL"));
            paid = true;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "deal " + id + " not closed within " + DEAL_TIMEOUT + ": " + deal);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static Map<String, Object> payment(final JsonNode invoice, final String kind) {
    return Map.of(
        "amount",
        new BigDecimal(invoice.path("balance").asText()),
        "currency",
        invoice.path("currency").asText(),
        "invoice",
        kind);
  }

  private Map<String, JsonNode> invoicesByKind(final String dealId) throws Exception {
    final Map<String, JsonNode> byKind = new HashMap<>();
    for (final JsonNode invoice :
        send("operations", "GET", "/api/invoices?dealId=" + dealId, null, Map.of(), 200)) {
      byKind.put(invoice.path("kind").asText(), invoice);
    }
    return byKind;
  }

  private void complete(final String dealId, final JsonNode task) throws Exception {
    final String element = task.path("elementId").asText();
    if (!HAPPY_PATH_TASKS.contains(element)) {
      throw new IllegalStateException("deal " + dealId + " is off the happy path: task " + element);
    }
    final List<String> groups = new ArrayList<>();
    task.path("candidateGroups").forEach(g -> groups.add(g.asText()));
    final int status =
        sendForStatus(
            LifecycleDeals.userFor(groups),
            "POST",
            "/api/tasks/" + task.path("key").asText() + "/complete",
            LifecycleDeals.taskVariables(element),
            Map.of());
    if (status == 204) {
      tasksCompleted.incrementAndGet();
    } else if (status == 404 || status == 409) {
      // completed by an earlier attempt whose answer was lost, or the inbox is behind the engine
      staleTaskCompletions.incrementAndGet();
    } else {
      throw new IllegalStateException("completing " + element + " of " + dealId + ": " + status);
    }
  }

  /**
   * Sends a deal event twice with one idempotency key ({@code name} and the deal's id): the second
   * must be a refused duplicate.
   */
  private void eventTwice(
      final String dealId, final String event, final String name, final Map<String, Object> body)
      throws Exception {
    final Map<String, String> key = Map.of("Idempotency-Key", name + "-" + dealId);
    final String path = "/api/deals/" + dealId + "/events/" + event;
    send("operations", "POST", path, body, key, 202);
    final JsonNode second = send("operations", "POST", path, body, key, 202);
    if (!second.path("duplicate").asBoolean()) {
      throw new IllegalStateException(event + " of " + dealId + " sent twice was taken twice");
    }
    eventDuplicatesRefused.incrementAndGet();
  }

  private static Map<String, Object> logisticsBody(final String event) {
    return switch (event) {
      case "vessel-nominated" -> Map.of("vesselName", "MV Atacama");
      case "bill-of-lading-issued" -> Map.of("billOfLadingNumber", "BL-77");
      default -> Map.of("port", "Hamburg");
    };
  }

  void onboardCounterparties() throws Exception {
    for (int i = 0; i < 4; i++) {
      final JsonNode created =
          send(
              "trader",
              "POST",
              "/api/counterparties",
              LifecycleDeals.counterpartyBody("Andes Copper SA " + run + "-" + i),
              Map.of(),
              201);
      counterparties.add(created.get("id").asText());
    }
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    for (final String id : counterparties) {
      while (true) {
        final JsonNode c = send("admin", "GET", "/api/counterparties/" + id, null, Map.of(), 200);
        if ("APPROVED".equals(c.path("kycStatus").asText())) {
          break;
        }
        for (final JsonNode task : send("compliance", "GET", "/api/tasks", null, Map.of(), 200)) {
          if ("compliance-decision".equals(task.path("elementId").asText())) {
            sendForStatus(
                "compliance",
                "POST",
                "/api/tasks/" + task.path("key").asText() + "/complete",
                LifecycleDeals.taskVariables("compliance-decision"),
                Map.of());
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("counterparty " + id + " not approved: " + c);
        }
        Thread.sleep(300);
      }
    }
  }

  /**
   * Sends until one of the expected statuses comes back and returns the body. No answer (the
   * application is down or restarting), a 5xx (a dependency is) or a 409 (the state is moving) is
   * sent again, with the same headers, for up to {@link #STUBBORN_FOR}; anything else fails.
   */
  JsonNode send(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers,
      final int... expected)
      throws Exception {
    final FullProductChannel.ProductHttp.Answer a =
        stubborn(user, method, path, body, headers, true);
    for (final int e : expected) {
      if (a.status() == e) {
        return a.body();
      }
    }
    throw new IllegalStateException(method + " " + path + ": HTTP " + a.status() + " " + a.text());
  }

  /** As {@link #send} for a task completion, whose 404 and 409 are answers, not failures. */
  private int sendForStatus(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers)
      throws Exception {
    return stubborn(user, method, path, body, headers, false).status();
  }

  /**
   * The first answer that is not a 5xx or a 401 (nor a 409 when {@code retryConflicts}); no answer
   * at all is a reason to send again too, with a growing pause, for up to {@link #STUBBORN_FOR}.
   */
  private FullProductChannel.ProductHttp.Answer stubborn(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers,
      final boolean retryConflicts)
      throws Exception {
    final long deadline = System.nanoTime() + STUBBORN_FOR.toNanos();
    long pause = 50;
    while (true) {
      String last;
      try {
        final FullProductChannel.ProductHttp.Answer a =
            http.send(user, method, path, body, headers);
        final int status = a.status();
        if (status < 500 && status != 401 && (status != 409 || !retryConflicts)) {
          return a;
        }
        last = "HTTP " + status + " " + a.text();
      } catch (final IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(method + " " + path + " kept failing: " + last);
      }
      requestsRetried.incrementAndGet();
      Thread.sleep(pause);
      pause = Math.min(pause * 2, down ? 1000 : 500);
    }
  }

  void problem(final String what, final Exception e) {
    problems.add(what + ": " + e.getMessage());
  }
}
