package org.openmineral.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openmineral.domain.risk.DatedPrice;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.risk.HistoricalScenarios;
import org.openmineral.domain.risk.HistoricalVar;
import org.openmineral.domain.risk.PriceHistory;
import org.openmineral.domain.risk.PricePosition;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Historical-simulation VaR and ES at 95 % and 99 % of 1,000 positions over 10 years of daily
 * prices. Target: under 1 s.
 *
 * <p><b>The prices are SYNTHETIC</b>: no openly licensed daily LME/COMEX history exists in this
 * repository, so {@link #setUp} generates 2,520 weekdays (10 x 252) from 2016-01-04 for 8 metals
 * (Cu, Zn, Pb, Al, Ni, Sn in USD/t; Au, Ag in USD/ozt) as seeded random walks: {@code P(t+1) = P(t)
 * x (1 + e)}, e normal with 1.5 % standard deviation (seed 20260101), rounded to 2 places (4 for
 * silver). The 1,000 positions are random metals with random long or short quantities (seed
 * 20260102). They exercise the code, they say nothing about any market.
 *
 * <p>{@code ./openmineral bench jmh Var -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VarBenchmark {
  static final int DAYS = 2_520;
  static final int POSITIONS = 1_000;
  private static final BigDecimal C95 = new BigDecimal("0.95");
  private static final BigDecimal C99 = new BigDecimal("0.99");

  private record SyntheticMetal(Element metal, PriceUnit unit, String start, int scale) {}

  private static final List<SyntheticMetal> METALS =
      List.of(
          new SyntheticMetal(Element.CU, PriceUnit.USD_PER_T, "9000", 2),
          new SyntheticMetal(Element.ZN, PriceUnit.USD_PER_T, "2800", 2),
          new SyntheticMetal(Element.PB, PriceUnit.USD_PER_T, "2000", 2),
          new SyntheticMetal(Element.AL, PriceUnit.USD_PER_T, "2500", 2),
          new SyntheticMetal(Element.NI, PriceUnit.USD_PER_T, "15000", 2),
          new SyntheticMetal(Element.SN, PriceUnit.USD_PER_T, "30000", 2),
          new SyntheticMetal(Element.AU, PriceUnit.USD_PER_OZT, "2000", 2),
          new SyntheticMetal(Element.AG, PriceUnit.USD_PER_OZT, "25", 4));

  PriceHistory history;
  List<PricePosition> positions;
  HistoricalScenarios scenarios;

  @Setup
  public void setUp() {
    history = syntheticHistory();
    positions = syntheticPositions();
    scenarios = HistoricalScenarios.of(positions, history);
  }

  /** SYNTHETIC daily prices: seeded random walks, see the class comment. */
  static PriceHistory syntheticHistory() {
    final SplittableRandom random = new SplittableRandom(20260101L);
    final List<LocalDate> dates = new ArrayList<>(DAYS);
    for (LocalDate d = LocalDate.of(2016, 1, 4); dates.size() < DAYS; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(d);
      }
    }
    final List<HistoricalPrices> series = new ArrayList<>();
    for (final SyntheticMetal m : METALS) {
      final List<DatedPrice> prices = new ArrayList<>(DAYS);
      BigDecimal price = new BigDecimal(m.start());
      for (final LocalDate date : dates) {
        prices.add(new DatedPrice(date, price));
        final BigDecimal shock =
            BigDecimal.valueOf(gaussian(random) * 0.015).setScale(6, RoundingMode.HALF_EVEN);
        price =
            price
                .multiply(BigDecimal.ONE.add(shock))
                .setScale(m.scale(), RoundingMode.HALF_EVEN)
                .max(BigDecimal.ONE.movePointLeft(m.scale()));
      }
      series.add(new HistoricalPrices(m.metal(), m.unit(), prices));
    }
    return PriceHistory.of(series);
  }

  /** SYNTHETIC positions: 1,000 random metals and signed quantities. */
  static List<PricePosition> syntheticPositions() {
    final SplittableRandom random = new SplittableRandom(20260102L);
    final List<PricePosition> positions = new ArrayList<>(POSITIONS);
    for (int i = 0; i < POSITIONS; i++) {
      final SyntheticMetal m = METALS.get(random.nextInt(METALS.size()));
      final long max = m.unit() == PriceUnit.USD_PER_OZT ? 50_000_000L : 2_000_000L;
      final long thousandths = random.nextLong(1, max) * (random.nextBoolean() ? 1 : -1);
      positions.add(new PricePosition("P" + i, m.metal(), BigDecimal.valueOf(thousandths, 3)));
    }
    return positions;
  }

  private static double gaussian(final SplittableRandom random) {
    // Box-Muller; only used to make synthetic test prices
    final double u1 = 1.0 - random.nextDouble();
    final double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Everything: net and mark 1,000 positions, 2,519 scenarios over 8 metals, VaR/ES 95 and 99. */
  @Benchmark
  public HistoricalVar[] scenariosAndVarAt95And99() {
    final HistoricalScenarios s = HistoricalScenarios.of(positions, history);
    return new HistoricalVar[] {s.valueAtRisk(C95), s.valueAtRisk(C99)};
  }

  /** Only the quantiles (sort and tail mean) on scenarios already built. */
  @Benchmark
  public HistoricalVar[] varAt95And99FromScenarios() {
    return new HistoricalVar[] {scenarios.valueAtRisk(C95), scenarios.valueAtRisk(C99)};
  }

  /** Prints the figures once: {@code java ... org.openmineral.benchmarks.VarBenchmark}. */
  public static void main(final String[] args) {
    final VarBenchmark b = new VarBenchmark();
    b.setUp();
    for (final HistoricalVar v : b.scenariosAndVarAt95And99()) {
      System.out.println(v.explain());
    }
  }
}
