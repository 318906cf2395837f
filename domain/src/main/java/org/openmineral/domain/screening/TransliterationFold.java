package org.openmineral.domain.screening;

/**
 * Folds a normalised token to a spelling key that common romanisations of the same name share, so
 * that fuzzy matching compares sounds rather than transliteration schemes. Applied to list tokens
 * and screened tokens alike; never shown to users.
 *
 * <p>Rules, in order: {@code DZH}→{@code J}, {@code TCH}→{@code CH}, {@code KS}→{@code X}, {@code
 * KH}→{@code H}, {@code PH}→{@code F}, {@code CK}→{@code K}, {@code Q}→{@code K}, {@code W}→{@code
 * V}, {@code OU}/{@code OO}→{@code U}, {@code EE}→{@code I}, {@code Y}→{@code I}; a leading {@code
 * IE} (from {@code YE}) → {@code E}; doubled letters single. So {@code YEVGENIY}, {@code EVGENIY}
 * and {@code EVGENY} all fold to {@code EVGENI}, {@code ALEKSANDR} to {@code ALEXANDR}, {@code
 * MAHMOUD} to {@code MAHMUD}, {@code MOHAMMED} to {@code MOHAMED}.
 */
final class TransliterationFold {
  private static final String[][] RULES = {
    {"DZH", "J"},
    {"TCH", "CH"},
    {"KS", "X"},
    {"KH", "H"},
    {"PH", "F"},
    {"CK", "K"},
    {"Q", "K"},
    {"W", "V"},
    {"OU", "U"},
    {"OO", "U"},
    {"EE", "I"},
    {"Y", "I"}
  };

  private TransliterationFold() {}

  static String fold(final String token) {
    String folded = token;
    for (final String[] rule : RULES) {
      if (folded.contains(rule[0])) {
        folded = folded.replace(rule[0], rule[1]);
      }
    }
    if (folded.startsWith("IE") && folded.length() > 3) {
      folded = folded.substring(1);
    }
    final StringBuilder single = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      final char c = folded.charAt(i);
      if (i == 0 || c != folded.charAt(i - 1) || Character.isDigit(c)) {
        single.append(c);
      }
    }
    return single.toString();
  }
}
