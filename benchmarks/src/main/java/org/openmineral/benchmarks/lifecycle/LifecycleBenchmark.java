package org.openmineral.benchmarks.lifecycle;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trade-lifecycle throughput: baseline B (the embedded engine alone, no-op workers) and the full
 * product (the Spring application with its real workers, embedded PostgreSQL, projections and
 * audit), both running the repository's models with the same deal and the same driver, in one JVM
 * and one run. For each: a warm-up (closed loop, unmeasured, rounds of {@code deals/5} deals until
 * {@code warm-up-seconds} have passed and the just-in-time compiler spent at most 5 % of each of
 * the last three rounds compiling, rounds lasting 30 s together, or ten times that long, so that
 * the hot code is compiled: sustained throughput is that of a warm process), a closed-loop run of
 * {@code deals} deals with at most {@code in-flight} open (sustained deals/s and tasks/s), then an
 * open-loop run at half of B's rate for {@code paced-seconds} (job turnaround). Rejected commands
 * and incidents are counted throughout; the closed loop's CPU per deal (the JVM's, the compiler's,
 * PostgreSQL's) is printed.
 *
 * <p>{@code ./openmineral bench lifecycle [deals] [paced-seconds] [in-flight] [both|baseline|full]
 * [warm-up-seconds]}
 */
public final class LifecycleBenchmark {
  private static final long TIMEOUT_SECONDS = 900;

  /**
   * The warm-up goes on after its minimum until the just-in-time compiler spent at most this share
   * of the wall time compiling in each of the last {@link #QUIET_ROUNDS} rounds, up to {@link
   * #MAX_WARM_UP_FACTOR} times the minimum. One quiet round is not enough: the compiler's share
   * jumps between rounds (3 % after 8, 17 and 20 % in one run, and 19 % in the measured loop that
   * followed). The full product's compiler needs minutes on 2 cores: after 180 s it still took 18
   * to 32 % of a round's wall time, and a closed loop measured there spent 10 % of its CPU per deal
   * compiling (23 of 237 ms); after 420 s it was down to 3 % (3 of 219 ms). Three quiet rounds are
   * not enough either when a round is short: three rounds of 40 deals (5 s each) at 3, 1 and 1 %
   * were followed by a closed loop with the compiler at 17 %. So the quiet rounds in a row must
   * also span {@link #QUIET_SECONDS}.
   */
  private static final double WARM_JIT_SHARE = 0.05;

  private static final int QUIET_ROUNDS = 3;

  private static final long QUIET_SECONDS = 30;

  private static final int MAX_WARM_UP_FACTOR = 10;

  private LifecycleBenchmark() {}

  public static void main(final String[] args) throws Exception {
    final int deals = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    final int pacedSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    final int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    final String which = args.length > 3 ? args[3] : "both";
    final int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    final Path root = Path.of(System.getProperty("openmineral.root", ".")).toAbsolutePath();
    System.out.println(machine());
    System.out.printf(
        Locale.ROOT,
        "Trade lifecycle: %d deals closed loop (at most %d open) after a warm-up of at least %d s"
            + " (rounds of %d deals), then %d s paced at half of B%n",
        deals,
        inFlight,
        warmUpSeconds,
        warmUp(deals),
        pacedSeconds);
    final List<String> lines = new ArrayList<>();
    Result baseline = null;
    if (!which.equals("full")) {
      try (EngineOnlyChannel channel = new EngineOnlyChannel(root);
          LifecycleDriver driver = new LifecycleDriver(channel.engine(), channel)) {
        System.out.printf(
            Locale.ROOT,
            "%nBaseline B: embedded engine, %d no-op job workers%n",
            channel.jobTypes());
        baseline =
            run(
                "B",
                channel,
                driver,
                new CpuMeter(null),
                deals,
                inFlight,
                pacedSeconds,
                -1,
                warmUpSeconds);
      }
    }
    if (!which.equals("baseline")) {
      final double pace = baseline == null ? -1 : baseline.saturated().dealsPerSecond() / 2;
      try (FullProductChannel channel = FullProductChannel.start(root);
          LifecycleDriver driver = new LifecycleDriver(channel.engine(), channel)) {
        try {
          channel.onboardCounterparties();
        } catch (final RuntimeException e) {
          driver.problems().forEach(p -> System.out.println("    ! " + p));
          throw e;
        }
        System.out.printf(
            Locale.ROOT,
            "%nFull product: Spring application, real workers, embedded PostgreSQL, projections,"
                + " audit; deals through its HTTP API%n");
        final Result full =
            run(
                "full",
                channel,
                driver,
                new CpuMeter(channel.postgresData()),
                deals,
                inFlight,
                pacedSeconds,
                pace,
                warmUpSeconds);
        System.out.printf(
            Locale.ROOT,
            "  HTTP requests sent again (task not yet in the inbox, payment before its invoice, busy):"
                + " %d%n",
            channel.retries());
        lines.add(summary(baseline, full));
      }
    }
    System.out.println();
    System.out.println(machine());
    lines.forEach(System.out::println);
    System.exit(0);
  }

  /** Whether the compiler was quiet long enough: the rule of {@link #WARM_JIT_SHARE}. */
  private static boolean quiet(final int quietRounds, final long quietMs) {
    return quietRounds >= QUIET_ROUNDS && quietMs >= QUIET_SECONDS * 1000;
  }

  private static int warmUp(final int deals) {
    return Math.max(10, deals / 5);
  }

  private record Result(
      LifecycleDriver.Figures saturated, CpuMeter.Usage cpu, LifecycleDriver.Figures paced) {}

  private static Result run(
      final String name,
      final DealChannel channel,
      final LifecycleDriver driver,
      final CpuMeter cpu,
      final int deals,
      final int inFlight,
      final int pacedSeconds,
      final double pacedRate,
      final int warmUpSeconds)
      throws Exception {
    final long warmUpStart = System.nanoTime();
    int warmUpDeals = 0;
    final List<String> jitShares = new ArrayList<>();
    int quietRounds = 0;
    long quietMs = 0;
    long elapsed;
    do {
      final CpuMeter.Reading before = cpu.read();
      driver.runClosedLoop(warmUp(deals), inFlight, TIMEOUT_SECONDS);
      final CpuMeter.Usage round = cpu.read().since(before);
      jitShares.add(String.format(Locale.ROOT, "%.0f", 100 * round.jitShare()));
      if (round.jitShare() > WARM_JIT_SHARE) {
        quietRounds = 0;
        quietMs = 0;
      } else {
        quietRounds++;
        quietMs += round.wallMs();
      }
      warmUpDeals += warmUp(deals);
      elapsed = System.nanoTime() - warmUpStart;
    } while (elapsed < warmUpSeconds * 1_000_000_000L
        || (!quiet(quietRounds, quietMs)
            && elapsed < MAX_WARM_UP_FACTOR * warmUpSeconds * 1_000_000_000L));
    final double warmUpElapsed = elapsed / 1e9;
    System.out.printf(
        Locale.ROOT,
        "  %-18s %6.2f deals/s (%d deals in %.1f s, not measured); JIT compiling, %% of each"
            + " round's wall time: %s%s%n",
        name + " warm-up",
        warmUpDeals / warmUpElapsed,
        warmUpDeals,
        warmUpElapsed,
        String.join(" ", jitShares),
        quiet(quietRounds, quietMs)
            ? ""
            : " (stopped at "
                + MAX_WARM_UP_FACTOR
                + " x the minimum with the compiler still busy)");
    driver.problems().forEach(p -> System.out.println("    ! " + p));
    driver.resetFigures();
    final CpuMeter.Reading before = cpu.read();
    final double seconds = driver.runClosedLoop(deals, inFlight, TIMEOUT_SECONDS);
    final CpuMeter.Usage used = cpu.read().since(before);
    final LifecycleDriver.Figures saturated = driver.figures(seconds);
    print(name + " closed loop", saturated);
    System.out.println("  " + " ".repeat(18) + " " + perDeal(used, saturated.dealsClosed()));
    driver.problems().forEach(p -> System.out.println("    ! " + p));
    final double rate = pacedRate > 0 ? pacedRate : saturated.dealsPerSecond() / 2;
    driver.resetFigures();
    final Map<String, DealChannel.HandlerTime> handlersBefore = channel.handlerTime();
    final CpuMeter.Reading pacedBefore = cpu.read();
    final long start = System.nanoTime();
    final int paced = driver.runPaced(rate, pacedSeconds, TIMEOUT_SECONDS);
    final LifecycleDriver.Figures pacedFigures = driver.figures((System.nanoTime() - start) / 1e9);
    final CpuMeter.Usage pacedCpu = cpu.read().since(pacedBefore);
    final Map<String, DealChannel.HandlerTime> handlers = new TreeMap<>();
    channel
        .handlerTime()
        .forEach((type, time) -> handlers.put(type, time.minus(handlersBefore.get(type))));
    System.out.printf(Locale.ROOT, "  (paced: %d deals at %.2f deals/s)%n", paced, rate);
    print(name + " paced", pacedFigures);
    System.out.println("  " + " ".repeat(18) + " " + perDeal(pacedCpu, pacedFigures.dealsClosed()));
    System.out.println("  " + " ".repeat(18) + " " + slowestJobTypes(pacedFigures, 6));
    if (!handlers.isEmpty()) {
      System.out.println("  " + " ".repeat(18) + " " + handlerShare(pacedFigures, handlers));
    }
    driver.problems().forEach(p -> System.out.println("    ! " + p));
    return new Result(saturated, used, pacedFigures);
  }

  /**
   * How much of the phase's job turnaround the product's handlers took (their business work: the
   * measurement behind {@code openmineral.job.duration}, from the job handed to the worker until
   * its command was sent, as the application's per-job events report it), as means: the rest is the
   * engine's, the job's push to the worker and the command's way back.
   */
  private static String handlerShare(
      final LifecycleDriver.Figures f, final Map<String, DealChannel.HandlerTime> handlers) {
    final double seconds = handlers.values().stream().mapToDouble(t -> t.seconds()).sum();
    final long jobs = handlers.values().stream().mapToLong(t -> t.jobs()).sum();
    final double handler = jobs == 0 ? 0 : 1000 * seconds / jobs;
    final double turnaround = f.jobTurnaroundMs().mean();
    final StringBuilder slowest = new StringBuilder();
    handlers.entrySet().stream()
        .filter(e -> e.getValue().jobs() > 0)
        .sorted(
            java.util.Comparator.comparingDouble(
                    (Map.Entry<String, DealChannel.HandlerTime> e) ->
                        e.getValue().seconds() / e.getValue().jobs())
                .reversed())
        .limit(4)
        .forEach(
            e ->
                slowest.append(
                    String.format(
                        Locale.ROOT,
                        " %s %.1f",
                        e.getKey(),
                        1000 * e.getValue().seconds() / e.getValue().jobs())));
    return String.format(
        Locale.ROOT,
        "job created->completed mean %.1f ms, of which the handlers' business work (%d jobs,"
            + " openmineral.job.duration) %.1f ms and the engine with the push to the worker and"
            + " the command back %.1f ms; slowest handlers, mean ms:%s",
        turnaround,
        jobs,
        handler,
        turnaround - handler,
        slowest);
  }

  /** The job types with the slowest median turnaround (created to completed) in a phase. */
  private static String slowestJobTypes(final LifecycleDriver.Figures f, final int shown) {
    final StringBuilder s = new StringBuilder("slowest job types, created->completed p50/p99 ms:");
    f.jobTurnaroundByTypeMs().entrySet().stream()
        .limit(shown)
        .forEach(
            e ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        " %s %d/%d",
                        e.getKey(),
                        e.getValue().percentile(50),
                        e.getValue().percentile(99))));
    return s.toString();
  }

  /** CPU per deal of a measured run; the JVM's includes the driver's threads. */
  private static String perDeal(final CpuMeter.Usage used, final long deals) {
    return String.format(
        Locale.ROOT,
        "CPU per deal %.0f ms: JVM %.0f ms (JIT compiling %.0f ms, %.0f%% of the wall time),"
            + " PostgreSQL %.0f ms; %.2f cores busy",
        (double) used.totalMs() / deals,
        (double) used.jvmMs() / deals,
        (double) used.jitMs() / deals,
        100 * used.jitShare(),
        (double) used.postgresMs() / deals,
        (double) used.totalMs() / used.wallMs());
  }

  private static void print(final String name, final LifecycleDriver.Figures f) {
    System.out.printf(
        Locale.ROOT,
        "  %-18s %6.2f deals/s, %7.1f tasks/s (%d deals, %d jobs, %d user tasks in %.1f s)%n"
            + "  %-18s job created->completed %s; complete command->completed %s%n"
            + "  %-18s capture->closed %s%n"
            + "  %-18s rejected commands %d; engine-internal: %d parallel-join activations refused"
            + " by design, %d timer triggers refused (timer gone)%n"
            + "  %-18s incidents %d, failed jobs %d, driver errors %d,"
            + " terminated deals %d; load average %s%n",
        name,
        f.dealsPerSecond(),
        f.tasksPerSecond(),
        f.dealsClosed(),
        f.jobsDone(),
        f.userTasksDone(),
        f.seconds(),
        "",
        f.jobTurnaroundMs(),
        f.jobCompletionMs(),
        "",
        f.lifecycleMs(),
        "",
        f.rejectedCommands(),
        f.joinWaits(),
        f.timerTriggersRefused(),
        "",
        f.incidents(),
        f.jobFailures(),
        f.driverErrors(),
        f.dealsTerminated(),
        loadAverage());
    if (f.engineOverheadMs().count() > 0) {
      System.out.printf(
          Locale.ROOT,
          "  %-18s per-task engine overhead (each job's created->completed less its handler's own"
              + " time, %d jobs) %s%n",
          "",
          f.engineOverheadMs().count(),
          f.engineOverheadMs());
    }
  }

  private static String summary(final Result b, final Result full) {
    final StringBuilder s = new StringBuilder();
    if (b != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "B:    %.2f deals/s, %.1f tasks/s; at half of B: job created->completed p50 %d ms, p99"
                  + " %d ms%n",
              b.saturated().dealsPerSecond(),
              b.saturated().tasksPerSecond(),
              b.paced().jobTurnaroundMs().percentile(50),
              b.paced().jobTurnaroundMs().percentile(99)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "full: %.2f deals/s, %.1f tasks/s; at half of B: job created->completed p50 %d ms, p99 %d"
                + " ms; complete command->completed p50 %d ms, p99 %d ms%n",
            full.saturated().dealsPerSecond(),
            full.saturated().tasksPerSecond(),
            full.paced().jobTurnaroundMs().percentile(50),
            full.paced().jobTurnaroundMs().percentile(99),
            full.paced().jobCompletionMs().percentile(50),
            full.paced().jobCompletionMs().percentile(99)));
    if (full.paced().engineOverheadMs().count() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "full: at half of B, per-task engine overhead (created->completed less the handler's"
                  + " own time, per job) p50 %d ms, p99 %d ms (target p50 <= 10, p99 <= 250)%n",
              full.paced().engineOverheadMs().percentile(50),
              full.paced().engineOverheadMs().percentile(99)));
    }
    if (b != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "full/B = %.2f (target >= 0.6)%n",
              full.saturated().dealsPerSecond() / b.saturated().dealsPerSecond()));
      final double bCpu = (double) b.cpu().totalMs() / b.saturated().dealsClosed();
      final double fullCpu = (double) full.cpu().totalMs() / full.saturated().dealsClosed();
      s.append(
          String.format(
              Locale.ROOT,
              "CPU per deal in the closed loops: B %.0f ms, full %.0f ms (%.2f x B)%n",
              bCpu,
              fullCpu,
              fullCpu / bCpu));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "rejected commands: full %d (target 0; engine-internal timer re-triggers %d not counted),"
                + " incidents %d",
            full.saturated().rejectedCommands() + full.paced().rejectedCommands(),
            full.saturated().timerTriggersRefused() + full.paced().timerTriggersRefused(),
            full.saturated().incidents() + full.paced().incidents()));
    return s.toString();
  }

  static String machine() {
    final Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Machine at %s: %d cores, %s, Java %s (%s), max heap %d MiB; load average %s",
        Instant.now(),
        rt.availableProcessors(),
        memory(),
        Runtime.version(),
        System.getProperty("java.vm.vendor"),
        rt.maxMemory() >> 20,
        loadAverage());
  }

  static String loadAverage() {
    try {
      final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (final Exception e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String memory() {
    try {
      for (final String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          final long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kib >> 20) + " GiB RAM";
        }
      }
    } catch (final Exception e) {
      // not Linux: leave memory out
    }
    return "RAM unknown";
  }
}
