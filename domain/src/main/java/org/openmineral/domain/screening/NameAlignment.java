package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * The best token alignment of a screened name with one listed name, and the name score it gives.
 *
 * <p>Alignment: every pair of tokens whose similarity reaches {@link #TOKEN_FLOOR} is a candidate;
 * pairs are taken greedily, most similar first, each token used at most once. Token order plays no
 * part, so {@code Konstantin Kosachev} aligns with {@code KOSACHEV, Konstantin}.
 *
 * <p>Score, with {@code w(t)} the token's rarity weight (inverse document frequency over the list's
 * names, so {@code MOHAMMED} or {@code TRADING} count less than {@code KOSACHEV}):
 *
 * <pre>
 *   matched  = Σ over pairs of w(listed token) · similarity
 *   coverage of the screened name  Cq = matched / (Σ pairs w(listed token) + Σ unmatched w(screened token))
 *   coverage of the listed name    Cl = matched / Σ all listed tokens w
 *   score = {@value #SCREENED_SHARE} · Cq + (1 − {@value #SCREENED_SHARE}) · Cl
 * </pre>
 *
 * Screened-name coverage weighs more: a listed name often carries a patronymic or middle name the
 * screened name leaves out, while every word of the screened name should be accounted for.
 *
 * @param score the name score in [0, 1]
 * @param pairs the aligned pairs, most similar first
 * @param unmatchedQuery screened tokens (indexes) left without a partner
 * @param unmatchedListed listed tokens (indexes) left without a partner
 */
record NameAlignment(
    double score,
    List<TokenPair> pairs,
    List<Integer> unmatchedQuery,
    List<Integer> unmatchedListed) {
  /** Token pairs less similar than this are not aligned. */
  static final double TOKEN_FLOOR = 0.80;

  /** Share of the score that comes from covering the screened name. */
  static final double SCREENED_SHARE = 0.75;

  /**
   * Aligns tokens given their similarities.
   *
   * @param similarity {@code similarity[q][l]} of screened token q and listed token l
   * @param listedWeight rarity weight of each listed token
   * @param queryWeight rarity weight of each screened token, used when it stays unmatched
   */
  static NameAlignment align(
      final double[][] similarity, final double[] listedWeight, final double[] queryWeight) {
    final int n = queryWeight.length;
    final int m = listedWeight.length;
    final List<TokenPair> candidates = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      for (int l = 0; l < m; l++) {
        if (similarity[q][l] >= TOKEN_FLOOR) {
          candidates.add(new TokenPair(q, l, similarity[q][l]));
        }
      }
    }
    candidates.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
    final boolean[] queryUsed = new boolean[n];
    final boolean[] listedUsed = new boolean[m];
    final List<TokenPair> pairs = new ArrayList<>();
    double matched = 0;
    double pairedWeight = 0;
    for (final TokenPair pair : candidates) {
      if (!queryUsed[pair.query()] && !listedUsed[pair.listed()]) {
        queryUsed[pair.query()] = true;
        listedUsed[pair.listed()] = true;
        pairs.add(pair);
        matched += listedWeight[pair.listed()] * pair.similarity();
        pairedWeight += listedWeight[pair.listed()];
      }
    }
    double unmatchedQueryWeight = 0;
    final List<Integer> unmatchedQuery = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      if (!queryUsed[q]) {
        unmatchedQuery.add(q);
        unmatchedQueryWeight += queryWeight[q];
      }
    }
    double listedTotal = 0;
    final List<Integer> unmatchedListed = new ArrayList<>();
    for (int l = 0; l < m; l++) {
      listedTotal += listedWeight[l];
      if (!listedUsed[l]) {
        unmatchedListed.add(l);
      }
    }
    final double screenedCoverage =
        pairedWeight + unmatchedQueryWeight == 0
            ? 0
            : matched / (pairedWeight + unmatchedQueryWeight);
    final double listedCoverage = listedTotal == 0 ? 0 : matched / listedTotal;
    final double score = SCREENED_SHARE * screenedCoverage + (1 - SCREENED_SHARE) * listedCoverage;
    return new NameAlignment(
        Math.max(0, Math.min(1, score)), pairs, unmatchedQuery, unmatchedListed);
  }
}
