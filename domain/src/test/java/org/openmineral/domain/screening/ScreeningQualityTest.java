package org.openmineral.domain.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision over the {@link LabelledScreeningSet} built from the reference OFAC lists.
 * The thresholds were chosen on sets built with other seeds (1 to 5); this test measures seed
 * {@value #SEED}, or the seed in system property {@code screening.seed}.
 */
class ScreeningQualityTest {
  static final long SEED = 20_251_219L;

  @Test
  void labelledSetReachesRecallAndPrecisionOfNinetyFivePercent() {
    // given
    final long seed = Long.getLong("screening.seed", SEED);
    final LabelledScreeningSet.Built set =
        LabelledScreeningSet.build(ReferenceWatchList.list(), seed);
    final SanctionsScreener screener = ReferenceWatchList.screener();

    // when
    final Map<String, int[]> byCategory = new TreeMap<>();
    final List<String> misses = new ArrayList<>();
    int positives = 0;
    int found = 0;
    int flagged = 0;
    for (final LabelledName name : set.names()) {
      final ScreeningResult result = screener.screen(name.query());
      final boolean hit = result.decision() == ScreeningDecision.POTENTIAL_MATCH;
      final boolean right =
          name.listed()
              && result.matches().stream()
                  .anyMatch(m -> m.entryId().equals(name.expectedEntryId()));
      final int[] tally = byCategory.computeIfAbsent(name.category(), c -> new int[2]);
      tally[0]++;
      flagged += hit ? 1 : 0;
      if (name.listed()) {
        positives++;
        found += right ? 1 : 0;
        tally[1] += right ? 1 : 0;
        if (!right) {
          misses.add("missed  " + name + (hit ? " flagged " + result.matches().getFirst() : ""));
        }
      } else {
        tally[1] += hit ? 0 : 1;
        if (hit) {
          misses.add("false + " + name + " -> " + result.matches().getFirst());
        }
      }
    }

    // then
    final double recall = (double) found / positives;
    final double precision = flagged == 0 ? 1 : (double) found / flagged;
    System.out.printf(
        Locale.ROOT,
        "Screening quality, seed %d: %d names (%d listed variants, %d not listed; %d negatives"
            + " discarded as listed words)%n",
        seed,
        set.names().size(),
        positives,
        set.names().size() - positives,
        set.discardedNegatives());
    byCategory.forEach(
        (category, tally) ->
            System.out.printf(
                Locale.ROOT,
                "  %-18s %4d names, %5.1f%% right%n",
                category,
                tally[0],
                100.0 * tally[1] / tally[0]));
    System.out.printf(
        Locale.ROOT,
        "  recall %.4f (%d of %d listed variants flagged with the right entry)%n"
            + "  precision %.4f (%d of %d potential matches name the right entry)%n",
        recall,
        found,
        positives,
        precision,
        found,
        flagged);
    misses.forEach(m -> System.out.println("  " + m));
    assertThat(positives).isGreaterThanOrEqualTo(500);
    assertThat(set.names().size() - positives).isGreaterThanOrEqualTo(500);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
  }
}
