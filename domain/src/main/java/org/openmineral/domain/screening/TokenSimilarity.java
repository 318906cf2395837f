package org.openmineral.domain.screening;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Similarity in [0, 1] of two folded tokens (see {@link TransliterationFold}), based on
 * Jaro-Winkler (commons-text):
 *
 * <ul>
 *   <li>tokens whose lengths differ by more than {@value #LENGTH_SLACK} lose {@value
 *       #LENGTH_PENALTY} per extra character, since the Winkler prefix bonus rates {@code
 *       BASHIRIAN} close to {@code BASHIR} although a typo or a transliteration rarely changes the
 *       length by more;
 *   <li>tokens with the same first letter and the same consonants after it ({@code MOHSEN} and
 *       {@code MUHSIN}, {@code MOHAMED} and {@code MUHAMAD}) score at least {@value
 *       #SAME_CONSONANTS}, since romanisations of Arabic and Persian names differ mostly in vowels;
 *   <li>when either token has at most {@value #SHORT} characters (initials, acronyms, numbers) a
 *       similarity under {@value #SHORT_FLOOR} counts as 0, since Jaro-Winkler rates any two short
 *       strings as fairly close.
 * </ul>
 */
final class TokenSimilarity {
  static final int SHORT = 3;
  static final double SHORT_FLOOR = 0.90;
  static final double SAME_CONSONANTS = 0.90;
  static final int LENGTH_SLACK = 2;
  static final double LENGTH_PENALTY = 0.05;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private TokenSimilarity() {}

  static double of(final String a, final String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.length() < 2 || b.length() < 2) {
      return 0.0;
    }
    final int extra = Math.abs(a.length() - b.length()) - LENGTH_SLACK;
    double similarity = JARO_WINKLER.apply(a, b);
    if (extra > 0) {
      similarity = Math.max(0, similarity - LENGTH_PENALTY * extra);
    }
    if (similarity < SAME_CONSONANTS && consonants(a).equals(consonants(b))) {
      similarity = SAME_CONSONANTS;
    }
    if (Math.min(a.length(), b.length()) <= SHORT && similarity < SHORT_FLOOR) {
      return 0.0;
    }
    return similarity;
  }

  /**
   * The first letter and the consonants after it: {@code MOHSEN} and {@code MUHSIN} → {@code MHSN}.
   */
  static String consonants(final String token) {
    final StringBuilder out = new StringBuilder(token.length());
    out.append(token.charAt(0));
    for (int i = 1; i < token.length(); i++) {
      final char c = token.charAt(i);
      if ("AEIOU".indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
