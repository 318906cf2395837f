package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak ({@code ./openmineral bench soak [minutes] [deals-per-second]}): the packaged product
 * (embedded engine and PostgreSQL) under a steady load of whole trade lifecycles through its HTTP
 * API for a given time, 30 minutes by default, sampling once a minute the resident memory and
 * threads of its JVM and of its PostgreSQL processes, the heap in use and the live data the last
 * garbage collection left. It prints one line per sample and compares the first and the last
 * quarter of the run: memory that keeps growing under a steady load shows there.
 */
public final class SoakRun {
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(60);
  private static final int MAX_IN_FLIGHT = 200;

  private final AppProcess app;
  private final ProductDriver driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Sample> samples = new ArrayList<>();

  private SoakRun(final AppProcess app) {
    this.app = app;
    this.driver = new ProductDriver(app.base());
  }

  /** One reading. Memory in MiB. */
  record Sample(
      double minutes,
      int captured,
      int closed,
      long jvmRssMiB,
      long jvmThreads,
      long heapUsedMiB,
      long liveDataMiB,
      long postgresRssMiB,
      long postgresPssMiB,
      int postgresProcesses) {}

  public static void main(final String[] args) throws Exception {
    final int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    final double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
    final AppProcess app = AppProcess.forBench("openmineral-soak-", List.of());
    System.out.printf(
        "soak: %d minutes at %.2f deals/s captured; %d cores, load average %s; data in %s%n",
        minutes,
        perSecond,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim(),
        app.data());
    AppProcess.runAndExit(app, () -> new SoakRun(app).run(minutes, perSecond));
  }

  private boolean run(final int minutes, final double perSecond) throws Exception {
    driver.onboardCounterparties();
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final long start = System.nanoTime();
    final long end = start + TimeUnit.MINUTES.toNanos(minutes);
    final double interval = 1e9 / perSecond;
    long nextSample = start;
    int captured = 0;
    System.out.println(
        "  minute  captured  closed  JVM RSS MiB  threads  heap used MiB  live after GC MiB"
            + "  PostgreSQL RSS MiB  PostgreSQL PSS MiB (processes)");
    try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
      while (System.nanoTime() < end) {
        final long now = System.nanoTime();
        if (now >= nextSample) {
          sample(start, captured);
          nextSample += SAMPLE_EVERY.toNanos();
        }
        final long due = start + (long) (captured * interval);
        if (now >= due) {
          if (captured - driver.closed.get() < MAX_IN_FLIGHT) {
            final int n = ++captured;
            drivers.execute(
                () -> {
                  try {
                    driver.drive(n, today);
                  } catch (final Exception e) {
                    driver.problem("deal " + n, e);
                  }
                });
          } else {
            // the product is behind: the pace is not kept, which the figures show
            captured++;
            driver.problems.add("capture skipped: " + MAX_IN_FLIGHT + " deals in flight");
          }
          continue;
        }
        Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(due - now), 200)));
      }
      System.out.println("  load stopped; waiting for the deals in flight to close");
    }
    sample(start, captured);
    return report(captured);
  }

  private void sample(final long start, final int captured) throws Exception {
    final Map<String, Double> metrics = prometheus();
    final List<ProcessHandle> postgres = app.postgres();
    final Sample s =
        new Sample(
            (System.nanoTime() - start) / 60e9,
            captured,
            driver.closed.get(),
            status(app.jvm().pid(), "VmRSS") / 1024,
            status(app.jvm().pid(), "Threads"),
            mib(metrics.getOrDefault("heap", 0.0)),
            mib(metrics.getOrDefault("live", 0.0)),
            postgres.stream().mapToLong(p -> status(p.pid(), "VmRSS")).sum() / 1024,
            postgres.stream().mapToLong(p -> pss(p.pid())).sum() / 1024,
            postgres.size());
    samples.add(s);
    System.out.printf(
        "  %6.1f  %8d  %6d  %11d  %7d  %13d  %17d  %18d  %18d (%d)%n",
        s.minutes(),
        s.captured(),
        s.closed(),
        s.jvmRssMiB(),
        s.jvmThreads(),
        s.heapUsedMiB(),
        s.liveDataMiB(),
        s.postgresRssMiB(),
        s.postgresPssMiB(),
        s.postgresProcesses());
  }

  private static long mib(final double bytes) {
    return Math.round(bytes / (1024 * 1024));
  }

  /** A number from /proc/&lt;pid&gt;/status (VmRSS in kB, Threads); 0 if the process is gone. */
  private static long status(final long pid, final String field) {
    return procNumber(pid, "status", field);
  }

  /**
   * Proportional set size in kB (/proc/&lt;pid&gt;/smaps_rollup): shared pages (PostgreSQL's shared
   * buffers) divided among the processes that map them, so that a sum over processes is the memory
   * they really take; a sum of their RSS counts the shared buffers once per process.
   */
  private static long pss(final long pid) {
    return procNumber(pid, "smaps_rollup", "Pss");
  }

  /** The first number after {@code field:} in /proc/&lt;pid&gt;/&lt;file&gt;; 0 if unreadable. */
  private static long procNumber(final long pid, final String file, final String field) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/" + file))) {
      return lines
          .filter(l -> l.startsWith(field + ":"))
          .map(l -> l.substring(field.length() + 1).trim().split("\\s+")[0])
          .mapToLong(Long::parseLong)
          .findFirst()
          .orElse(0);
    } catch (final IOException e) {
      return 0;
    }
  }

  /** Heap in use (sum over the heap pools) and live data after the last GC, in bytes. */
  private Map<String, Double> prometheus() throws Exception {
    final HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(app.base().resolve("/actuator/prometheus"))
                .header("Authorization", "Bearer " + driver.token("admin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double heap = 0;
    double live = 0;
    for (final String line : r.body().split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        heap += value(line);
      } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
        live = value(line);
      }
    }
    return Map.of("heap", heap, "live", live);
  }

  private static double value(final String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private boolean report(final int captured) throws Exception {
    final int n = samples.size();
    final List<Sample> first = samples.subList(0, Math.max(1, n / 4));
    final List<Sample> last = samples.subList(n - Math.max(1, n / 4), n);
    System.out.printf(
        "  JVM RSS: first quarter max %d MiB, last quarter max %d MiB, overall max %d MiB%n",
        max(first, Sample::jvmRssMiB),
        max(last, Sample::jvmRssMiB),
        max(samples, Sample::jvmRssMiB));
    System.out.printf(
        "  live data after GC: first quarter max %d MiB, last quarter max %d MiB%n",
        max(first, Sample::liveDataMiB), max(last, Sample::liveDataMiB));
    System.out.printf(
        "  PostgreSQL PSS (RSS): first quarter max %d (%d) MiB, last quarter max %d (%d) MiB%n",
        max(first, Sample::postgresPssMiB),
        max(first, Sample::postgresRssMiB),
        max(last, Sample::postgresPssMiB),
        max(last, Sample::postgresRssMiB));
    System.out.printf(
        "  whole product (JVM RSS + PostgreSQL PSS): first quarter max %d MiB, last quarter max"
            + " %d MiB%n",
        max(first, x -> x.jvmRssMiB() + x.postgresPssMiB()),
        max(last, x -> x.jvmRssMiB() + x.postgresPssMiB()));
    System.out.printf(
        "  threads: first quarter max %d, last quarter max %d%n",
        max(first, Sample::jvmThreads), max(last, Sample::jvmThreads));
    final Samples.Snapshot life = driver.lifecycleMs.snapshot();
    System.out.printf(
        "  %d deals captured, %d closed; lifecycle capture->CLOSED p50 %d ms, p99 %d ms%n",
        captured, driver.closed.get(), life.percentile(50), life.percentile(99));
    final JsonNode chain = driver.send("auditor", "GET", "/api/audit/verify", null, Map.of(), 200);
    System.out.printf(
        "  audit chain: %s over %d entries%n",
        chain.path("valid").asBoolean() ? "verifies" : "BROKEN", chain.path("entries").asLong());
    if (!driver.problems.isEmpty()) {
      System.out.println("  problems (first 20):");
      driver.problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
    }
    return driver.problems.isEmpty()
        && driver.closed.get() == captured
        && chain.path("valid").asBoolean();
  }

  private static long max(
      final List<Sample> samples, final java.util.function.ToLongFunction<Sample> f) {
    return samples.stream().mapToLong(f).max().orElse(0);
  }
}
