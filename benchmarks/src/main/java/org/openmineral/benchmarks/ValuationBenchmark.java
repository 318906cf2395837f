package org.openmineral.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.EscalationTier;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.Penalty;
import org.openmineral.domain.valuation.PenaltyBand;
import org.openmineral.domain.valuation.PriceEscalator;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * Valuations per second of a copper concentrate lot with Cu, Au and Ag payables, an escalated
 * treatment charge, three refining charges and three penalties (one with two bands).
 *
 * <p>{@code ./openmineral bench jmh Valuation}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValuationBenchmark {
  private final ConcentrateValuer valuer = new ConcentrateValuer();
  private final ConcentrateLot lot =
      new ConcentrateLot(
          DryWeight.of(new BigDecimal("10000"), new BigDecimal("8.0"), new BigDecimal("0.1")),
          Map.of(
              Element.CU, Assay.percent(Element.CU, "25.0"),
              Element.AU, Assay.gramsPerDmt(Element.AU, "1.5"),
              Element.AG, Assay.gramsPerDmt(Element.AG, "85"),
              Element.AS, Assay.percent(Element.AS, "0.35"),
              Element.BI, Assay.percent(Element.BI, "0.03"),
              Element.HG, new Assay(Element.HG, new BigDecimal("12"), AssayUnit.PPM)));
  private final ValuationTerms terms =
      new ValuationTerms(
          List.of(
              PayableTerm.of(Element.CU, "96.5").withMinDeduction("1.0"),
              PayableTerm.of(Element.AU, "90").withMinContent("1.0"),
              PayableTerm.of(Element.AG, "90").withMinContent("30")),
          TreatmentCharge.flat("80")
              .escalatedBy(
                  new PriceEscalator(
                      Element.CU,
                      new BigDecimal("9000"),
                      List.of(EscalationTier.to("9500", "0.10"), EscalationTier.unlimited("0")),
                      List.of(EscalationTier.unlimited("0.05")))),
          List.of(
              RefiningCharge.of(Element.CU, "0.08", RefiningUnit.USD_PER_LB),
              RefiningCharge.of(Element.AU, "5", RefiningUnit.USD_PER_OZT),
              RefiningCharge.of(Element.AG, "0.40", RefiningUnit.USD_PER_OZT)),
          List.of(
              Penalty.of(
                  Element.AS,
                  new PenaltyBand(
                      new BigDecimal("0.2"),
                      new BigDecimal("0.5"),
                      new BigDecimal("0.1"),
                      new BigDecimal("3"),
                      true),
                  new PenaltyBand(
                      new BigDecimal("0.5"),
                      null,
                      new BigDecimal("0.1"),
                      new BigDecimal("5"),
                      true)),
              Penalty.of(
                  Element.BI,
                  new PenaltyBand(
                      new BigDecimal("0.02"),
                      null,
                      new BigDecimal("0.01"),
                      new BigDecimal("2.5"),
                      true)),
              Penalty.of(
                  Element.HG,
                  new PenaltyBand(
                      new BigDecimal("10"),
                      null,
                      new BigDecimal("1"),
                      new BigDecimal("0.3"),
                      false))));
  private final Map<Element, Price> prices =
      Map.of(
          Element.CU, Price.of("9431.25", PriceUnit.USD_PER_T),
          Element.AU, Price.of("2650", PriceUnit.USD_PER_OZT),
          Element.AG, Price.of("31.17", PriceUnit.USD_PER_OZT));

  @Benchmark
  public Valuation valueCopperConcentrateLot() {
    return valuer.value(lot, terms, prices);
  }
}
