package org.openmineral.domain.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Reduces a written name to a {@link NormalisedName}, the same way for list names and for names
 * being screened:
 *
 * <ol>
 *   <li>Unicode NFD, then combining marks removed ({@code Müller} → {@code Muller}); letters NFD
 *       does not split are spelled out ({@code ß} → {@code SS}, {@code Ø} → {@code O}).
 *   <li>Upper case; apostrophes and full stops removed inside words ({@code NU'MAN} → {@code
 *       NUMAN}, {@code S.A.} → {@code SA}); any other non-letter, non-digit is a separator.
 *   <li>Particles that spelling varies on are dropped: {@code AL}, {@code EL}, {@code DE}, {@code
 *       LA}, {@code THE}, {@code OF}, {@code AND}...
 *   <li>Legal forms ({@link LegalForm}) are taken out, longest spelling first, unless nothing would
 *       be left.
 * </ol>
 *
 * Token order is kept; matching does not depend on it. The result is idempotent: normalising {@link
 * NormalisedName#text()} again gives the same tokens.
 */
public final class NameNormaliser {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern JOINERS = Pattern.compile("['`\u2018\u2019\u02bc.]");
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");
  private static final String[][] UNSPLIT_LETTERS = {
    {"ß", "SS"},
    {"Ø", "O"},
    {"ø", "O"},
    {"Æ", "AE"},
    {"æ", "AE"},
    {"Œ", "OE"},
    {"œ", "OE"},
    {"Ł", "L"},
    {"ł", "L"},
    {"Đ", "D"},
    {"đ", "D"},
    {"ı", "I"}
  };
  private static final Set<String> PARTICLES =
      Set.of(
          "AL", "EL", "THE", "OF", "AND", "DE", "DEL", "DA", "DI", "DO", "DOS", "DAS", "LA", "LE",
          "LOS", "LAS", "Y", "VAN", "VON", "DER", "DEN");
  private static final List<Phrase> LEGAL_FORM_PHRASES = legalFormPhrases();
  private static final Set<String> LEGAL_FORM_WORDS =
      LEGAL_FORM_PHRASES.stream()
          .flatMap(p -> p.tokens().stream())
          .filter(w -> w.length() >= 5)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final double STRAY_WORD = 0.90;
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private record Phrase(List<String> tokens, LegalForm form) {}

  /** Normalises one name. */
  public NormalisedName normalise(final String name) {
    final List<String> raw = tokens(name);
    final Set<LegalForm> forms = EnumSet.noneOf(LegalForm.class);
    List<String> kept = raw;
    int before;
    do {
      before = kept.size();
      kept = withoutLegalForms(kept, forms);
    } while (kept.size() < before && !kept.isEmpty());
    if (kept.isEmpty()) {
      return new NormalisedName(raw, Set.of());
    }
    return new NormalisedName(kept, forms);
  }

  /**
   * The tokens without legal-form phrases, and without stray words of those phrases (e.g. {@code
   * LIABILITY} left over from a reordered {@code LIABILITY COMPANY X LIMITED}, or a misspelt {@code
   * LIMTIED}: a word of six or more letters within Jaro-Winkler {@value #STRAY_WORD} of a
   * legal-form word of five or more).
   */
  private static List<String> withoutLegalForms(
      final List<String> tokens, final Set<LegalForm> forms) {
    final List<String> kept = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      final Phrase phrase = legalFormAt(tokens, i);
      if (phrase != null) {
        forms.add(phrase.form());
        i += phrase.tokens().size();
      } else {
        if (!isLegalFormWord(tokens.get(i))) {
          kept.add(tokens.get(i));
        }
        i++;
      }
    }
    return kept;
  }

  private static boolean isLegalFormWord(final String token) {
    if (LEGAL_FORM_WORDS.contains(token)) {
      return true;
    }
    if (token.length() < 5) {
      return false;
    }
    for (final String word : LEGAL_FORM_WORDS) {
      if (Math.abs(word.length() - token.length()) <= 2
          && JARO_WINKLER.apply(word, token) >= STRAY_WORD) {
        return true;
      }
    }
    return false;
  }

  /** Upper-case ASCII tokens without particles; legal forms still in. */
  static List<String> tokens(final String name) {
    String text = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD);
    text = MARKS.matcher(text).replaceAll("");
    for (final String[] letter : UNSPLIT_LETTERS) {
      text = text.replace(letter[0], letter[1]);
    }
    text = JOINERS.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("");
    final List<String> tokens = new ArrayList<>();
    for (final String token : SEPARATORS.split(text)) {
      if (!token.isEmpty() && !PARTICLES.contains(token)) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static Phrase legalFormAt(final List<String> tokens, final int start) {
    for (final Phrase phrase : LEGAL_FORM_PHRASES) {
      final List<String> words = phrase.tokens();
      if (start + words.size() <= tokens.size()
          && tokens.subList(start, start + words.size()).equals(words)) {
        return phrase;
      }
    }
    return null;
  }

  private static List<Phrase> legalFormPhrases() {
    final List<Phrase> phrases = new ArrayList<>();
    for (final LegalForm form : LegalForm.values()) {
      for (final List<String> words : form.phrases()) {
        // particles never reach the phrase matcher, so drop them from the phrases too
        phrases.add(new Phrase(words.stream().filter(w -> !PARTICLES.contains(w)).toList(), form));
      }
    }
    phrases.sort(Comparator.comparingInt((Phrase p) -> p.tokens().size()).reversed());
    return List.copyOf(phrases);
  }
}
