package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
 *       six deal events (three shipment events, the assays, the payments of the provisional and of
 *       the final invoice) with its key.
 * </ul>
 *
 * The client is as stubborn as a real one: a request that got no answer (the application was down)
 * is sent again with the same key. At the end every deal must be CLOSED, with one provisional and
 * one final invoice, each paid once, the expected hedge, each event recorded once, no incident, and
 * the audit chain must verify. The figures and checks are printed; the exit code is 1 when a check
 * fails.
 */
public final class FaultRun {
  private static final String JOB_TIMEOUT = "PT15S";

  private final AppProcess app;
  private final ProductDriver driver;

  private FaultRun(final AppProcess app) {
    this.app = app;
    this.driver = new ProductDriver(app.base());
  }

  public static void main(final String[] args) throws Exception {
    final int deals = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    final int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    final int abandonEvery = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    final AppProcess app =
        AppProcess.forBench(
            "openmineral-faults-",
            List.of(
                "--camunda.client.worker.defaults.timeout=" + JOB_TIMEOUT,
                "--openmineral.faults.abandon-every-nth-job=" + abandonEvery));
    System.out.printf(
        "fault run: %d deals, %d in flight, every %d-th job abandoned, 3 hard kills; %d cores,"
            + " load average %s; data in %s%n",
        deals,
        inFlight,
        abandonEvery,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim(),
        app.data());
    AppProcess.runAndExit(app, () -> new FaultRun(app).run(deals, inFlight));
  }

  private boolean run(final int deals, final int inFlight) throws Exception {
    driver.onboardCounterparties();
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
                driver.drive(deal, today);
              } catch (final Exception e) {
                driver.problem("deal " + deal, e);
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
              n, driver.closed.get(), driver.problems.size(), (System.nanoTime() - start) / 1e9);
        }
      }
    }
    final double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "  %d of %d deals closed in %.1f s (%.2f deals/s with the kills and restarts)%n",
        driver.closed.get(), deals, seconds, driver.closed.get() / seconds);
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
    final int open = driver.dealIds.size() - driver.closed.get();
    driver.down(true);
    final long t0 = System.nanoTime();
    app.kill(withDatabase);
    app.start(Duration.ofMinutes(3));
    driver.down(false);
    return new Kill(number, at, withDatabase, open, (System.nanoTime() - t0) / 1e9);
  }

  /** Checks the end state of every deal through the API; prints each check; true if all hold. */
  private boolean verify(final int deals) throws Exception {
    final Map<String, Integer> failures = new TreeMap<>();
    int invoicesSeen = 0;
    int hedgesSeen = 0;
    int paymentsChecked = 0;
    int duplicateStarts = 0;
    for (int n = 1; n <= deals; n++) {
      final String id = driver.dealIds.get(n);
      if (id == null) {
        failures.merge("deal never captured", 1, Integer::sum);
        continue;
      }
      final JsonNode deal = driver.send("admin", "GET", "/api/deals/" + id, null, Map.of(), 200);
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
      if (!events.equals(ProductDriver.EVENTS)) {
        failures.merge("events not recorded exactly once each", 1, Integer::sum);
        driver.problems.add("deal " + id + " events: " + events);
      }
      final JsonNode invoices =
          driver.send("operations", "GET", "/api/invoices?dealId=" + id, null, Map.of(), 200);
      int provisional = 0;
      int fin = 0;
      for (final JsonNode i : invoices) {
        invoicesSeen++;
        switch (i.path("kind").asText()) {
          case "PROVISIONAL" -> provisional++;
          case "FINAL" -> fin++;
          default -> failures.merge("invoice of another kind", 1, Integer::sum);
        }
        paymentsChecked++;
        // paid from the payments, outstanding as the database's triggers kept it
        if (new BigDecimal(i.path("paid").asText())
                    .compareTo(new BigDecimal(i.path("balance").asText()))
                != 0
            || new BigDecimal(i.path("outstanding").asText()).signum() != 0) {
          failures.merge("invoice not paid exactly once", 1, Integer::sum);
          driver.problems.add("deal " + id + " invoice " + i);
        }
      }
      if (provisional != 1 || fin != 1) {
        failures.merge("not exactly one provisional and one final invoice", 1, Integer::sum);
        driver.problems.add("deal " + id + ": " + provisional + " provisional, " + fin + " final");
      }
      final JsonNode hedges =
          driver.send("risk", "GET", "/api/hedges?dealId=" + id, null, Map.of(), 200);
      hedgesSeen += hedges.size();
      if (hedges.size() != 1) {
        failures.merge("not exactly one hedge", 1, Integer::sum);
        driver.problems.add("deal " + id + ": " + hedges.size() + " hedges");
      }
    }
    final JsonNode all = driver.send("admin", "GET", "/api/deals?size=1", null, Map.of(), 200);
    final long stored = all.path("totalItems").asLong();
    final JsonNode chain = driver.send("auditor", "GET", "/api/audit/verify", null, Map.of(), 200);
    final JsonNode throughput =
        driver.send("admin", "GET", "/api/reports/process-throughput", null, Map.of(), 200);
    long incidents = 0;
    for (final JsonNode p : throughput.path("processes")) {
      incidents += p.path("incidents").asLong();
    }
    final long abandoned;
    try (Stream<String> lines = Files.lines(app.log())) {
      abandoned = lines.filter(l -> l.contains("abandoned after its work")).count();
    }
    final Samples.Snapshot life = driver.lifecycleMs.snapshot();
    System.out.printf(
        "  lifecycle capture->CLOSED: p50 %d ms, p99 %d ms, max %d ms%n",
        life.percentile(50), life.percentile(99), life.percentile(100));
    System.out.printf(
        "  client side: %d captures repeated (same deal back), %d events sent twice (second"
            + " refused as duplicate), %d tasks completed, %d completions found the task gone,"
            + " %d requests retried through outages%n",
        driver.captureReplays.get(),
        driver.eventDuplicatesRefused.get(),
        driver.tasksCompleted.get(),
        driver.staleTaskCompletions.get(),
        driver.requestsRetried.get());
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
        !failures.containsKey("deal not CLOSED/CLOSED") && driver.closed.get() == deals,
        driver.closed.get() + " of " + deals);
    check(
        checks,
        "one provisional + one final invoice per deal",
        !failures.containsKey("not exactly one provisional and one final invoice")
            && !failures.containsKey("invoice of another kind"),
        invoicesSeen + " invoices");
    check(
        checks,
        "each invoice paid exactly once",
        !failures.containsKey("invoice not paid exactly once"),
        paymentsChecked + " invoices");
    check(
        checks,
        "one hedge per deal",
        !failures.containsKey("not exactly one hedge"),
        hedgesSeen + " hedges");
    check(
        checks,
        "each of the 6 events recorded once",
        !failures.containsKey("events not recorded exactly once each"),
        deals * 6 + " expected");
    check(checks, "no incident", incidents == 0, incidents + " incidents");
    check(
        checks,
        "audit chain verifies",
        chain.path("valid").asBoolean(),
        chain.path("entries").asLong() + " entries");
    check(checks, "jobs were abandoned", abandoned > 0, abandoned + " abandoned");
    check(
        checks,
        "no driver problem",
        driver.problems.isEmpty(),
        driver.problems.size() + " problems");
    checks.forEach(System.out::println);
    if (!driver.problems.isEmpty()) {
      System.out.println("  problems (first 20):");
      driver.problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
    }
    failures.forEach((k, v) -> System.out.println("  FAILED " + k + ": " + v + " deals"));
    return failures.isEmpty() && checks.stream().noneMatch(c -> c.startsWith("  FAIL"));
  }

  private static void check(
      final List<String> checks, final String what, final boolean ok, final String detail) {
    checks.add(String.format("  %-4s %-45s %s", ok ? "ok" : "FAIL", what, detail));
  }
}
