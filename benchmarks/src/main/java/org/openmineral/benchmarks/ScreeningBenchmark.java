package org.openmineral.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openmineral.domain.screening.OfacWatchListLoader;
import org.openmineral.domain.screening.SanctionsScreener;
import org.openmineral.domain.screening.ScreeningResult;
import org.openmineral.domain.screening.WatchList;

/**
 * Sanctions screening speed against the full reference OFAC lists (SDN 2024 names with 2021 aliases
 * and addresses, plus the consolidated non-SDN list), one thread.
 *
 * <ul>
 *   <li>{@code screenOneName}: time per screened name, sampled ({@link Mode#SampleTime}) so JMH
 *       prints p50/p90/p99; the names cycle through listed names with typos, reorderings,
 *       romanisations and legal forms, and unlisted names.
 *   <li>{@code indexWholeList}: time to index every name of the already loaded list ({@link
 *       Mode#SingleShotTime}, a fresh index per invocation).
 *   <li>{@code loadAndIndexWholeList}: reading the CSV files too.
 * </ul>
 *
 * <p>{@code ./openmineral bench jmh Screening -f 1 -wi 2 -i 3} from the repository root (the lists
 * are read from {@code reference-data/sanctions}, or the {@code screening.lists} property).
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class ScreeningBenchmark {
  private static final List<String> NAMES =
      List.of(
          "Konstantin Kosachev",
          "Banco Nacinal de Cuba",
          "Evgeny Prigozhin",
          "Alabuga Fibre OOO",
          "Rheingold Edelmetall GmbH",
          "Mohammed Ali Hassan",
          "Muhammad Abdul Rahman Trading LLC",
          "Joint Stock Company United Shipbuilding Corporation",
          "Nordic Copper Cathode Trading AB",
          "John Smith",
          "Maria Garcia Lopez",
          "Gonzalez Valencia Abigael",
          "Sand Swan",
          "Aleksandr Ivanovich Petrov",
          "Shanghai Metals Import Export Co Ltd",
          "Al Zawahiri Ayman");

  private WatchList list;
  private SanctionsScreener screener;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    list = OfacWatchListLoader.load(folder());
    screener = SanctionsScreener.of(list);
  }

  static Path folder() {
    final Path configured =
        Path.of(System.getProperty("screening.lists", "reference-data/sanctions"));
    if (!Files.isDirectory(configured)) {
      throw new IllegalStateException(
          "no sanctions lists at "
              + configured.toAbsolutePath()
              + ": run from the repository root");
    }
    return configured;
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public ScreeningResult screenOneName() {
    final String name = NAMES.get(next);
    next = (next + 1) % NAMES.size();
    return screener.screen(name);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public SanctionsScreener indexWholeList() {
    return SanctionsScreener.of(list);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public SanctionsScreener loadAndIndexWholeList() {
    return SanctionsScreener.of(OfacWatchListLoader.load(folder()));
  }
}
