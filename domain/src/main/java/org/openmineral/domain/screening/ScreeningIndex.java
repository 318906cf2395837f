package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name of a {@link WatchList} (primary names and aliases), normalised, folded and indexed so
 * that screening one name looks at a few hundred listed names instead of all of them.
 *
 * <p>Two levels of blocking: the distinct folded tokens of all names form a vocabulary, indexed by
 * character bigrams (with start and end marks); a screened token finds the vocabulary tokens that
 * share at least {@value #MIN_DICE} (Dice coefficient) of its bigrams and keeps those whose {@link
 * TokenSimilarity} reaches {@link NameAlignment#TOKEN_FLOOR}. Each vocabulary token lists the names
 * holding it, and those names are the candidates. Each vocabulary token also carries its rarity
 * weight {@code ln(1 + names / names holding it)}.
 */
final class ScreeningIndex {
  static final double MIN_DICE = 0.35;
  private static final int SYMBOLS = 37;

  private final List<WatchListEntry> entries;
  private final NameNormaliser normaliser;
  private final Map<String, Integer> vocabularyIds;
  private final String[] vocabulary;
  private final int[] bigramCounts;
  private final double[] weights;
  private final double maxWeight;
  private final int[][] tokensByBigram;
  private final int[][] namesByToken;
  private final IndexedName[] names;

  /** One indexed name: its entry, the text as listed, and its tokens. */
  record IndexedName(int entry, String text, NormalisedName normalised, int[] tokens) {}

  private ScreeningIndex(
      final List<WatchListEntry> entries,
      final NameNormaliser normaliser,
      final Map<String, Integer> vocabularyIds,
      final String[] vocabulary,
      final int[][] tokensByBigram,
      final int[][] namesByToken,
      final IndexedName[] names) {
    this.entries = entries;
    this.normaliser = normaliser;
    this.vocabularyIds = vocabularyIds;
    this.vocabulary = vocabulary;
    this.tokensByBigram = tokensByBigram;
    this.namesByToken = namesByToken;
    this.names = names;
    this.bigramCounts = new int[vocabulary.length];
    this.weights = new double[vocabulary.length];
    double max = 0;
    for (int v = 0; v < vocabulary.length; v++) {
      bigramCounts[v] = bigrams(vocabulary[v]).length;
      weights[v] = Math.log(1.0 + (double) names.length / namesByToken[v].length);
      max = Math.max(max, weights[v]);
    }
    this.maxWeight = max;
  }

  /** Indexes every name of every entry; names of one entry that normalise alike count once. */
  static ScreeningIndex build(final WatchList list, final NameNormaliser normaliser) {
    final Map<String, Integer> ids = new HashMap<>();
    final List<String> vocabulary = new ArrayList<>();
    final List<IndexedName> names = new ArrayList<>();
    final List<List<Integer>> postings = new ArrayList<>();
    final List<WatchListEntry> entries = list.entries();
    for (int e = 0; e < entries.size(); e++) {
      final Set<String> seen = new HashSet<>();
      for (final String text : entries.get(e).names()) {
        final NormalisedName normalised = normaliser.normalise(text);
        if (normalised.isEmpty() || !seen.add(normalised.text())) {
          continue;
        }
        final int[] tokens = new int[normalised.tokens().size()];
        for (int t = 0; t < tokens.length; t++) {
          final String folded = TransliterationFold.fold(normalised.tokens().get(t));
          Integer id = ids.get(folded);
          if (id == null) {
            id = vocabulary.size();
            ids.put(folded, id);
            vocabulary.add(folded);
            postings.add(new ArrayList<>(2));
          }
          tokens[t] = id;
          final List<Integer> holders = postings.get(id);
          if (holders.isEmpty() || holders.getLast() != names.size()) {
            holders.add(names.size());
          }
        }
        names.add(new IndexedName(e, text, normalised, tokens));
      }
    }
    final int[][] namesByToken = new int[postings.size()][];
    for (int v = 0; v < namesByToken.length; v++) {
      namesByToken[v] = postings.get(v).stream().mapToInt(Integer::intValue).toArray();
    }
    return new ScreeningIndex(
        entries,
        normaliser,
        ids,
        vocabulary.toArray(String[]::new),
        bigramIndex(vocabulary),
        namesByToken,
        names.toArray(IndexedName[]::new));
  }

  private static int[][] bigramIndex(final List<String> vocabulary) {
    final int[] sizes = new int[SYMBOLS * SYMBOLS];
    for (final String token : vocabulary) {
      for (final int bigram : bigrams(token)) {
        sizes[bigram]++;
      }
    }
    final int[][] index = new int[sizes.length][];
    for (int b = 0; b < sizes.length; b++) {
      index[b] = new int[sizes[b]];
    }
    final int[] filled = new int[sizes.length];
    for (int v = 0; v < vocabulary.size(); v++) {
      for (final int bigram : bigrams(vocabulary.get(v))) {
        index[bigram][filled[bigram]++] = v;
      }
    }
    return index;
  }

  /** Distinct bigram codes of a folded token, with start and end marks. */
  private static int[] bigrams(final String token) {
    final int[] codes = new int[token.length() + 1];
    int previous = 0;
    for (int i = 0; i <= token.length(); i++) {
      final int current = i < token.length() ? symbol(token.charAt(i)) : 0;
      codes[i] = previous * SYMBOLS + current;
      previous = current;
    }
    return Arrays.stream(codes).distinct().toArray();
  }

  private static int symbol(final char c) {
    if (c >= 'A' && c <= 'Z') {
      return 1 + c - 'A';
    }
    if (c >= '0' && c <= '9') {
      return 27 + c - '0';
    }
    return 36;
  }

  /** Calls {@code sink} with every vocabulary token similar enough to {@code folded}. */
  void similarTokens(final String folded, final SimilarTokenSink sink) {
    final Integer exact = vocabularyIds.get(folded);
    if (exact != null) {
      sink.accept(exact, 1.0);
    }
    if (folded.length() < 2) {
      return;
    }
    final int[] query = bigrams(folded);
    final int[] shared = new int[vocabulary.length];
    final int[] touched = new int[vocabulary.length];
    int touchedCount = 0;
    for (final int bigram : query) {
      for (final int v : tokensByBigram[bigram]) {
        if (shared[v]++ == 0) {
          touched[touchedCount++] = v;
        }
      }
    }
    for (int i = 0; i < touchedCount; i++) {
      final int v = touched[i];
      if (exact != null && v == exact) {
        continue;
      }
      final double dice = 2.0 * shared[v] / (query.length + bigramCounts[v]);
      if (dice >= MIN_DICE) {
        final double similarity = TokenSimilarity.of(folded, vocabulary[v]);
        if (similarity >= NameAlignment.TOKEN_FLOOR) {
          sink.accept(v, similarity);
        }
      }
    }
  }

  /** Receives a vocabulary token and its similarity to the token looked up. */
  @FunctionalInterface
  interface SimilarTokenSink {
    void accept(int token, double similarity);
  }

  int[] namesWithToken(final int token) {
    return namesByToken[token];
  }

  IndexedName name(final int id) {
    return names[id];
  }

  int nameCount() {
    return names.length;
  }

  WatchListEntry entry(final int index) {
    return entries.get(index);
  }

  /** Rarity weight of a vocabulary token. */
  double weight(final int token) {
    return weights[token];
  }

  /** Weight of a screened token: its own if the list has it, else the rarest weight. */
  double weightOf(final String folded) {
    final Integer id = vocabularyIds.get(folded);
    return id == null ? maxWeight : weights[id];
  }

  NameNormaliser normaliser() {
    return normaliser;
  }
}
