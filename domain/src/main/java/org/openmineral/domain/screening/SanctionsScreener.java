package org.openmineral.domain.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screens names against a {@link WatchList}.
 *
 * <ol>
 *   <li>The name is normalised ({@link NameNormaliser}) and each token folded ({@link
 *       TransliterationFold}).
 *   <li>The {@link ScreeningIndex} gives, for each token, the listed tokens with Jaro-Winkler
 *       similarity of at least {@link NameAlignment#TOKEN_FLOOR}, and the listed names holding
 *       them.
 *   <li>Each such name is aligned token by token and scored ({@link NameAlignment}); an entry
 *       scores as its best name.
 *   <li>Country and birth year, when given, adjust the score ({@link Evidence}); the result is
 *       clamped to [0, 1].
 *   <li>Entries whose score, rounded to {@value ScreeningMatch#SCALE} places, reaches {@link
 *       ScreeningThresholds#potentialMatch()} are potential matches, best first.
 * </ol>
 *
 * Immutable and safe to share between threads once built.
 */
public final class SanctionsScreener {
  private final ScreeningIndex index;
  private final ScreeningThresholds thresholds;

  private SanctionsScreener(final ScreeningIndex index, final ScreeningThresholds thresholds) {
    this.index = index;
    this.thresholds = thresholds;
  }

  /** Indexes {@code list} and screens with the default thresholds. */
  public static SanctionsScreener of(final WatchList list) {
    return of(list, ScreeningThresholds.DEFAULT);
  }

  /** Indexes {@code list} and screens with {@code thresholds}. */
  public static SanctionsScreener of(final WatchList list, final ScreeningThresholds thresholds) {
    return new SanctionsScreener(ScreeningIndex.build(list, new NameNormaliser()), thresholds);
  }

  /** How many names (primary and aliases, after removing duplicates) are indexed. */
  public int indexedNames() {
    return index.nameCount();
  }

  /** Screens a name with nothing else known. */
  public ScreeningResult screen(final String name) {
    return screen(ScreeningRequest.of(name));
  }

  /** Screens one party. */
  public ScreeningResult screen(final ScreeningRequest request) {
    final NormalisedName query = index.normaliser().normalise(request.name());
    if (query.isEmpty()) {
      return ScreeningResult.of(List.of());
    }
    final int n = query.tokens().size();
    final double[] queryWeight = new double[n];
    final Map<Integer, double[]> similarities = new HashMap<>();
    for (int q = 0; q < n; q++) {
      final String folded = TransliterationFold.fold(query.tokens().get(q));
      queryWeight[q] = index.weightOf(folded);
      final int position = q;
      index.similarTokens(
          folded,
          (token, similarity) -> {
            final double[] row = similarities.computeIfAbsent(token, t -> new double[n]);
            row[position] = Math.max(row[position], similarity);
          });
    }
    final BitSet candidates = new BitSet(index.nameCount());
    for (final int token : similarities.keySet()) {
      for (final int name : index.namesWithToken(token)) {
        candidates.set(name);
      }
    }
    final double floor =
        thresholds.potentialMatch() - Evidence.COUNTRY_AGREES - Evidence.BIRTH_YEAR_AGREES;
    final Map<Integer, Candidate> best = new HashMap<>();
    for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
      final ScreeningIndex.IndexedName name = index.name(id);
      if (request.type() != null && index.entry(name.entry()).type() != request.type()) {
        continue;
      }
      final NameAlignment alignment = align(name, similarities, queryWeight);
      if (alignment.score() >= floor) {
        final Candidate found = new Candidate(name, alignment);
        best.merge(
            name.entry(), found, (a, b) -> a.alignment.score() >= b.alignment.score() ? a : b);
      }
    }
    final List<ScreeningMatch> matches = new ArrayList<>();
    for (final Candidate candidate : best.values()) {
      final WatchListEntry entry = index.entry(candidate.name.entry());
      final Evidence evidence = Evidence.of(request, entry);
      final double total =
          Math.max(0, Math.min(1, candidate.alignment.score() + evidence.adjustment()));
      final BigDecimal score =
          BigDecimal.valueOf(total).setScale(ScreeningMatch.SCALE, RoundingMode.HALF_UP);
      if (score.doubleValue() >= thresholds.potentialMatch()) {
        matches.add(
            new ScreeningMatch(
                entry.id(),
                entry.primaryName(),
                candidate.name.text(),
                score,
                entry.list(),
                entry.type(),
                reason(query, candidate, evidence)));
      }
    }
    matches.sort(
        Comparator.comparing(ScreeningMatch::score)
            .reversed()
            .thenComparing(ScreeningMatch::entryId));
    return ScreeningResult.of(
        matches.subList(0, Math.min(matches.size(), thresholds.maxMatches())));
  }

  private NameAlignment align(
      final ScreeningIndex.IndexedName name,
      final Map<Integer, double[]> similarities,
      final double[] queryWeight) {
    final int n = queryWeight.length;
    final int[] tokens = name.tokens();
    final double[][] matrix = new double[n][tokens.length];
    final double[] listedWeight = new double[tokens.length];
    for (int l = 0; l < tokens.length; l++) {
      listedWeight[l] = index.weight(tokens[l]);
      final double[] row = similarities.get(tokens[l]);
      if (row != null) {
        for (int q = 0; q < n; q++) {
          matrix[q][l] = row[q];
        }
      }
    }
    return NameAlignment.align(matrix, listedWeight, queryWeight);
  }

  private static String reason(
      final NormalisedName query, final Candidate candidate, final Evidence evidence) {
    final NormalisedName listed = candidate.name.normalised();
    final NameAlignment alignment = candidate.alignment;
    final StringBuilder reason = new StringBuilder();
    reason.append(
        alignment.pairs().stream()
            .map(
                p ->
                    String.format(
                        Locale.ROOT,
                        "%s%s%s %.2f",
                        query.tokens().get(p.query()),
                        p.similarity() == 1.0 ? "=" : "~",
                        listed.tokens().get(p.listed()),
                        p.similarity()))
            .collect(Collectors.joining(", ", "tokens ", "")));
    if (!alignment.unmatchedQuery().isEmpty()) {
      reason.append("; unmatched: ").append(tokens(query, alignment.unmatchedQuery()));
    }
    if (!alignment.unmatchedListed().isEmpty()) {
      reason.append("; listed only: ").append(tokens(listed, alignment.unmatchedListed()));
    }
    final Set<LegalForm> forms = listed.legalForms();
    if (!forms.isEmpty() && !query.legalForms().isEmpty()) {
      reason.append("; legal form ").append(query.legalForms()).append(" vs ").append(forms);
    }
    reason.append(String.format(Locale.ROOT, "; name score %.3f", alignment.score()));
    evidence.reasons().forEach(r -> reason.append("; ").append(r));
    return reason.toString();
  }

  private static String tokens(final NormalisedName name, final List<Integer> indexes) {
    return indexes.stream().map(i -> name.tokens().get(i)).collect(Collectors.joining(" "));
  }

  private record Candidate(ScreeningIndex.IndexedName name, NameAlignment alignment) {}
}
