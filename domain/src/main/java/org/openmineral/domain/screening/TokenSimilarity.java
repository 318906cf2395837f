package org.openmineral.domain.screening;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Similarity in [0, 1] of two folded tokens (see {@link TransliterationFold}): Jaro-Winkler
 * (commons-text), except that tokens of up to {@value #SHORT} characters (initials, acronyms,
 * numbers) must be equal, since Jaro-Winkler rates any two short strings as close.
 */
final class TokenSimilarity {
  static final int SHORT = 3;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private TokenSimilarity() {}

  static double of(final String a, final String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.length() <= SHORT || b.length() <= SHORT) {
      return 0.0;
    }
    return JARO_WINKLER.apply(a, b);
  }
}
