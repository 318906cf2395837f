package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The fault run ({@code ./openmineral bench faults [deals] [in-flight]}): trade lifecycles through
 * the packaged product's HTTP API while
 *
 * <ul>
 *   <li>workers die after their work and before the engine hears of it: the application runs with
 *       {@code openmineral.faults.abandon-every-nth-job}, so every n-th job is done and then
 *       dropped without a command, and the engine hands it out again after its timeout;
 *   <li>the application is killed hard (SIGKILL) three times while deals are in flight, once with
 *       its embedded PostgreSQL, and started again on the same data directory;
 *   <li>every business message is sent twice: each capture with its idempotency key, each of the
 *       five deal events with its key.
 * </ul>
 *
 * The client is as stubborn as a real one: a request that got no answer (the application was down)
 * is sent again with the same key. At the end every deal must be CLOSED, with one provisional and
 * one final invoice, the final invoice paid once, the expected hedge, each event recorded once, no
 * incident, and the audit chain must verify. The figures and checks are printed; the exit code is 1
 * when a check fails.
 */
public final class FaultRun {
  private static final List<String> LOGISTICS =
      List.of("vessel-nominated", "bill-of-lading-issued", "arrived");
  private static final Set<String> EVENTS =
      Set.of(
          "vessel-nominated",
          "bill-of-lading-issued",
          "arrived",
          "assays-received",
          "payment-received");
  private static final Set<String> HAPPY_PATH_TASKS =
      Set.of("approve-deal", "draft-contract-manually", "legal-review", "compliance-decision");
  private static final Duration STUBBORN_FOR = Duration.ofMinutes(5);
  private static final Duration DEAL_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration POLL = Duration.ofMillis(700);
  private static final String JOB_TIMEOUT = "PT15S";

  private final AppProcess app;
  private final FullProductChannel.ProductHttp http;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> counterparties = new ArrayList<>();
  private final Map<Integer, String> dealIds = new ConcurrentHashMap<>();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong requestsRetried = new AtomicLong();
  private final AtomicLong captureReplays = new AtomicLong();
  private final AtomicLong eventDuplicatesRefused = new AtomicLong();
  private final AtomicLong tasksCompleted = new AtomicLong();
  private final AtomicLong staleTaskCompletions = new AtomicLong();
  private final AtomicInteger closed = new AtomicInteger();
  private final Samples lifecycleMs = new Samples();
  private volatile boolean down;

  private FaultRun(final AppProcess app) {
    this.app = app;
    this.http = new FullProductChannel.ProductHttp(app.base());
  }

  public static void main(final String[] args) throws Exception {
    final int deals = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    final int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    final int abandonEvery = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    final Path root = Path.of(System.getProperty("openmineral.root", ".")).toAbsolutePath();
    final Path jar = Path.of(System.getProperty("openmineral.app-jar"));
    final String java = System.getProperty("openmineral.java", "java");
    final List<String> jvmFlags =
        Stream.of(System.getProperty("openmineral.app-jvm-flags", "").trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList();
    final Path data = Files.createTempDirectory("openmineral-faults-");
    final List<String> appArgs =
        List.of(
            "--openmineral.deployment.locations=file:"
                + root
                + "/bpmn/**/*.bpmn,file:"
                + root
                + "/bpmn/**/*.dmn,file:"
                + root
                + "/forms/**/*.form",
            "--camunda.client.worker.defaults.timeout=" + JOB_TIMEOUT,
            "--openmineral.faults.abandon-every-nth-job=" + abandonEvery);
    System.out.printf(
        "fault run: %d deals, %d in flight, every %d-th job abandoned, 3 hard kills; %d cores,"
            + " load average %s; data in %s%n",
        deals,
        inFlight,
        abandonEvery,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim(),
        data);
    boolean ok = false;
    try (AppProcess app = new AppProcess(java, jvmFlags, jar, data, appArgs)) {
      System.out.printf("  started in %.1f s%n", app.start(Duration.ofMinutes(3)));
      ok = new FaultRun(app).run(deals, inFlight);
    } finally {
      if (ok) {
        delete(data);
      } else {
        System.out.println("  data directory and application log kept in " + data);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private boolean run(final int deals, final int inFlight) throws Exception {
    onboardCounterparties();
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final Semaphore window = new Semaphore(inFlight);
    final List<Kill> kills = new ArrayList<>();
    final long start = System.nanoTime();
    try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
      int nextKill = 0;
      final int[] killAt = {deals / 4, deals / 2, deals * 3 / 4};
      for (int n = 1; n <= deals; n++) {
        window.acquire();
        final int deal = n;
        drivers.execute(
            () -> {
              try {
                drive(deal, today);
              } catch (final Exception e) {
                problem("deal " + deal, e);
              } finally {
                window.release();
              }
            });
        if (nextKill < killAt.length && n == killAt[nextKill]) {
          // let the last deals get going, so that the kill finds work at every stage
          Thread.sleep(3000);
          kills.add(kill(nextKill + 1, nextKill == 1));
          nextKill++;
        }
        if (n % 100 == 0) {
          System.out.printf(
              "    ... %d captured, %d closed, %d problems (%.0f s)%n",
              n, closed.get(), problems.size(), (System.nanoTime() - start) / 1e9);
        }
      }
    }
    final double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "  %d of %d deals closed in %.1f s (%.2f deals/s with the kills and restarts)%n",
        closed.get(), deals, seconds, closed.get() / seconds);
    for (final Kill k : kills) {
      System.out.printf(
          "  kill %d at %s: SIGKILL of the application%s with %d deals in flight; healthy again"
              + " %.1f s after the kill%n",
          k.number(),
          k.at(),
          k.withDatabase() ? " and its PostgreSQL" : " (PostgreSQL left running)",
          k.inFlight(),
          k.downSeconds());
    }
    return verify(deals);
  }

  private record Kill(
      int number, Instant at, boolean withDatabase, int inFlight, double downSeconds) {}

  private Kill kill(final int number, final boolean withDatabase) throws Exception {
    final Instant at = Instant.now();
    final int open = dealIds.size() - closed.get();
    down = true;
    final long t0 = System.nanoTime();
    app.kill(withDatabase);
    app.start(Duration.ofMinutes(3));
    down = false;
    return new Kill(number, at, withDatabase, open, (System.nanoTime() - t0) / 1e9);
  }

  /** One deal from capture to CLOSED, as its traders, desk head, legal and operations would. */
  private void drive(final int n, final LocalDate today) throws Exception {
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
          eventTwice(id, event, logisticsBody(event));
        }
        logistics = true;
      }
      if ("SETTLING".equals(status)) {
        if (!assays) {
          eventTwice(
              id,
              "assays-received",
              Map.of(
                  "sellerAssays", Map.of("Cu", Map.of("value", 25.10, "unit", "PCT")),
                  "buyerAssays", Map.of("Cu", Map.of("value", 25.00, "unit", "PCT"))));
          assays = true;
        }
        if (!paid) {
          final JsonNode finalInvoice = finalInvoice(id);
          if (finalInvoice != null) {
            eventTwice(
                id,
                "payment-received",
                Map.of(
                    "amount",
                    new BigDecimal(finalInvoice.path("balance").asText()),
                    "currency",
                    finalInvoice.path("currency").asText()));
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

  private JsonNode finalInvoice(final String dealId) throws Exception {
    for (final JsonNode invoice :
        send("operations", "GET", "/api/invoices?dealId=" + dealId, null, Map.of(), 200)) {
      if ("FINAL".equals(invoice.path("kind").asText())) {
        return invoice;
      }
    }
    return null;
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

  /** Sends a deal event twice with one idempotency key: the second must be a refused duplicate. */
  private void eventTwice(final String dealId, final String event, final Map<String, Object> body)
      throws Exception {
    final Map<String, String> key = Map.of("Idempotency-Key", event + "-" + dealId);
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

  private void onboardCounterparties() throws Exception {
    for (int i = 0; i < 4; i++) {
      final JsonNode created =
          send(
              "trader",
              "POST",
              "/api/counterparties",
              Map.of(
                  "name",
                  "Andes Copper SA " + run + "-" + i,
                  "type",
                  "ENTITY",
                  "country",
                  "CH",
                  "ownershipDisclosed",
                  true,
                  "creditLimit",
                  Map.of("amount", 1_000_000_000, "currency", "USD")),
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
  private JsonNode send(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers,
      final int... expected)
      throws Exception {
    final long deadline = System.nanoTime() + STUBBORN_FOR.toNanos();
    long pause = 50;
    while (true) {
      String last;
      try {
        final FullProductChannel.ProductHttp.Answer a =
            http.send(user, method, path, body, headers);
        for (final int e : expected) {
          if (a.status() == e) {
            return a.body();
          }
        }
        if (a.status() < 500 && a.status() != 409 && a.status() != 401) {
          throw new IllegalStateException(
              method + " " + path + ": HTTP " + a.status() + " " + a.text());
        }
        last = "HTTP " + a.status() + " " + a.text();
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

  /** As {@link #send} for a task completion, whose 404 and 409 are answers, not failures. */
  private int sendForStatus(
      final String user,
      final String method,
      final String path,
      final Object body,
      final Map<String, String> headers)
      throws Exception {
    final long deadline = System.nanoTime() + STUBBORN_FOR.toNanos();
    long pause = 50;
    while (true) {
      String last;
      try {
        final int status = http.send(user, method, path, body, headers).status();
        if (status < 500 && status != 401) {
          return status;
        }
        last = "HTTP " + status;
      } catch (final IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(method + " " + path + " kept failing: " + last);
      }
      requestsRetried.incrementAndGet();
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 1000);
    }
  }

  /** Checks the end state of every deal through the API; prints each check; true if all hold. */
  private boolean verify(final int deals) throws Exception {
    final Map<String, Integer> failures = new TreeMap<>();
    int invoicesSeen = 0;
    int hedgesSeen = 0;
    int paymentsChecked = 0;
    int duplicateStarts = 0;
    for (int n = 1; n <= deals; n++) {
      final String id = dealIds.get(n);
      if (id == null) {
        failures.merge("deal never captured", 1, Integer::sum);
        continue;
      }
      final JsonNode deal = send("admin", "GET", "/api/deals/" + id, null, Map.of(), 200);
      if (!"CLOSED".equals(deal.path("status").asText())
          || !"CLOSED".equals(deal.path("stage").asText())) {
        failures.merge("deal not CLOSED/CLOSED", 1, Integer::sum);
      }
      final Map<String, Integer> events = new LinkedHashMap<>();
      for (final JsonNode a : deal.path("activity")) {
        final String action = a.path("action").asText();
        if (action.startsWith("EVENT ")) {
          events.merge(action.substring(6), 1, Integer::sum);
        } else if ("DUPLICATE_PROCESS_ENDED".equals(action)) {
          duplicateStarts++;
        }
      }
      if (!events.keySet().equals(EVENTS) || events.values().stream().anyMatch(c -> c != 1)) {
        failures.merge("events not recorded exactly once each", 1, Integer::sum);
        problems.add("deal " + id + " events: " + events);
      }
      final JsonNode invoices =
          send("operations", "GET", "/api/invoices?dealId=" + id, null, Map.of(), 200);
      int provisional = 0;
      int fin = 0;
      for (final JsonNode i : invoices) {
        invoicesSeen++;
        switch (i.path("kind").asText()) {
          case "PROVISIONAL" -> provisional++;
          case "FINAL" -> {
            fin++;
            paymentsChecked++;
            if (new BigDecimal(i.path("paid").asText())
                    .compareTo(new BigDecimal(i.path("balance").asText()))
                != 0) {
              failures.merge("final invoice not paid exactly once", 1, Integer::sum);
              problems.add("deal " + id + " final invoice " + i);
            }
          }
          default -> failures.merge("invoice of another kind", 1, Integer::sum);
        }
      }
      if (provisional != 1 || fin != 1) {
        failures.merge("not exactly one provisional and one final invoice", 1, Integer::sum);
        problems.add("deal " + id + ": " + provisional + " provisional, " + fin + " final");
      }
      final JsonNode hedges = send("risk", "GET", "/api/hedges?dealId=" + id, null, Map.of(), 200);
      hedgesSeen += hedges.size();
      if (hedges.size() != 1) {
        failures.merge("not exactly one hedge", 1, Integer::sum);
        problems.add("deal " + id + ": " + hedges.size() + " hedges");
      }
    }
    final JsonNode all = send("admin", "GET", "/api/deals?size=1", null, Map.of(), 200);
    final long stored = all.path("totalItems").asLong();
    final JsonNode chain = send("auditor", "GET", "/api/audit/verify", null, Map.of(), 200);
    final JsonNode throughput =
        send("admin", "GET", "/api/reports/process-throughput", null, Map.of(), 200);
    long incidents = 0;
    for (final JsonNode p : throughput.path("processes")) {
      incidents += p.path("incidents").asLong();
    }
    final long abandoned;
    try (Stream<String> lines = Files.lines(app.log())) {
      abandoned = lines.filter(l -> l.contains("abandoned after its work")).count();
    }
    final Samples.Snapshot life = lifecycleMs.snapshot();
    System.out.printf(
        "  lifecycle capture->CLOSED: p50 %d ms, p99 %d ms, max %d ms%n",
        life.percentile(50), life.percentile(99), life.percentile(100));
    System.out.printf(
        "  client side: %d captures repeated (same deal back), %d events sent twice (second"
            + " refused as duplicate), %d tasks completed, %d completions found the task gone,"
            + " %d requests retried through outages%n",
        captureReplays.get(),
        eventDuplicatesRefused.get(),
        tasksCompleted.get(),
        staleTaskCompletions.get(),
        requestsRetried.get());
    System.out.printf(
        "  jobs abandoned after their work by the fault injection (and run again): %d%n",
        abandoned);
    System.out.printf(
        "  second process starts of a deal ended by its claim step (a capture repeated after a"
            + " crash between the start and the stored key): %d%n",
        duplicateStarts);
    System.out.printf("  application starts: %d%n", app.starts());
    final List<String> checks = new ArrayList<>();
    check(checks, "deals stored = deals captured", stored == deals, stored + " stored");
    check(
        checks,
        "every deal CLOSED",
        !failures.containsKey("deal not CLOSED/CLOSED") && closed.get() == deals,
        closed.get() + " of " + deals);
    check(
        checks,
        "one provisional + one final invoice per deal",
        !failures.containsKey("not exactly one provisional and one final invoice")
            && !failures.containsKey("invoice of another kind"),
        invoicesSeen + " invoices");
    check(
        checks,
        "each final invoice paid exactly once",
        !failures.containsKey("final invoice not paid exactly once"),
        paymentsChecked + " final invoices");
    check(
        checks,
        "one hedge per deal",
        !failures.containsKey("not exactly one hedge"),
        hedgesSeen + " hedges");
    check(
        checks,
        "each of the 5 events recorded once",
        !failures.containsKey("events not recorded exactly once each"),
        deals * 5 + " expected");
    check(checks, "no incident", incidents == 0, incidents + " incidents");
    check(
        checks,
        "audit chain verifies",
        chain.path("valid").asBoolean(),
        chain.path("entries").asLong() + " entries");
    check(checks, "jobs were abandoned", abandoned > 0, abandoned + " abandoned");
    check(checks, "no driver problem", problems.isEmpty(), problems.size() + " problems");
    checks.forEach(System.out::println);
    if (!problems.isEmpty()) {
      System.out.println("  problems (first 20):");
      problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
    }
    failures.forEach((k, v) -> System.out.println("  FAILED " + k + ": " + v + " deals"));
    return failures.isEmpty() && checks.stream().noneMatch(c -> c.startsWith("  FAIL"));
  }

  private static void check(
      final List<String> checks, final String what, final boolean ok, final String detail) {
    checks.add(String.format("  %-4s %-45s %s", ok ? "ok" : "FAIL", what, detail));
  }

  private void problem(final String what, final Exception e) {
    problems.add(what + ": " + e.getMessage());
  }

  private static void delete(final Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (final IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
