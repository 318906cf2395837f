package org.openmineral.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/** Properties of QP averaging and of imports, over generated (synthetic) prices. */
class PricingPropertiesTest {
  private static final PriceSeriesId ID =
      PriceSeriesId.of(Element.ZN, "GENERATED", PriceUnit.USD_PER_T);
  private static final SeriesProvenance GENERATED = SeriesProvenance.internal("generated");
  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Provide
  Arbitrary<List<PriceFixing>> fixings() {
    final Arbitrary<BigDecimal> price =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.0001"), new BigDecimal("100000"))
            .ofScale(4);
    return Arbitraries.integers()
        .between(0, 89)
        .set()
        .ofMinSize(1)
        .ofMaxSize(60)
        .flatMap(
            days ->
                price
                    .list()
                    .ofSize(days.size())
                    .map(
                        values -> {
                          final List<Integer> sorted = days.stream().sorted().toList();
                          final List<PriceFixing> out = new ArrayList<>();
                          for (int i = 0; i < sorted.size(); i++) {
                            out.add(new PriceFixing(START.plusDays(sorted.get(i)), values.get(i)));
                          }
                          return out;
                        }));
  }

  @Property
  void theAverageOfAQpLiesBetweenItsLowestAndHighestFixing(
      @ForAll("fixings") final List<PriceFixing> fixings,
      @ForAll @IntRange(min = 0, max = 100) final int valuedAfterDays) {
    final PriceSeries series = PriceSeries.of(ID, SeriesFrequency.DAILY, GENERATED, fixings);
    final QpWindow window = new QpWindow(START, START.plusDays(89), "90 days");
    final QpAverage avg = series.averageOver(window, START.plusDays(valuedAfterDays));
    if (avg.fixingCount() == 0) {
      assertThat(avg.average()).isEmpty();
      return;
    }
    final BigDecimal min =
        avg.fixingsUsed().stream().map(PriceFixing::value).min(Comparator.naturalOrder()).get();
    final BigDecimal max =
        avg.fixingsUsed().stream().map(PriceFixing::value).max(Comparator.naturalOrder()).get();
    assertThat(avg.average().orElseThrow()).isBetween(min, max);
    assertThat(avg.pricedFraction()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(avg.fixingsUsed())
        .allSatisfy(f -> assertThat(f.date()).isBeforeOrEqualTo(avg.valuationDate()));
  }

  @Provide
  Arbitrary<String> csvRows() {
    final Arbitrary<String> date =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 40).map(d -> START.plusDays(d).toString()),
            Arbitraries.of("2025/01/02", "", "yesterday"));
    final Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("1000"), new BigDecimal("1500"))
                .ofScale(2)
                .map(BigDecimal::toPlainString),
            Arbitraries.of("-1", "abc", "", "0", "99999"));
    return Combinators.combine(date, value)
        .as((d, v) -> d + "," + v)
        .list()
        .ofMaxSize(50)
        .map(rows -> "date,value\n" + String.join("\n", rows) + "\n");
  }

  @Property
  void reImportingTheSameFileIsIdempotent(@ForAll("csvRows") final String csv) {
    final PriceSeriesStore store = new PriceSeriesStore();
    final ImportReport first =
        store.importDailyCsv(
            ID, GENERATED, new StringReader(csv), "gen.csv", ImportRules.defaults());
    final List<PriceFixing> afterFirst = store.series(ID).fixings();
    final ImportReport second =
        store.importDailyCsv(
            ID, GENERATED, new StringReader(csv), "gen.csv", ImportRules.defaults());

    assertThat(second.added()).isZero();
    assertThat(second.unchanged()).isEqualTo(first.accepted());
    assertThat(second.rejected()).isEqualTo(first.rejected());
    assertThat(second.warnings()).isEqualTo(first.warnings());
    assertThat(store.series(ID).fixings()).isEqualTo(afterFirst);
    assertThat(first.rowsRead()).isEqualTo(first.accepted() + first.rejected().size());
  }
}
