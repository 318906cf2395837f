package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways a listed name gets written differently by someone who means the same party. Each returns
 * empty when it does not apply to the name. The spelling tables are written from common
 * romanisation practice and business usage, independently of the screener's own tables.
 */
final class NameVariants {
  /** Romanisations of the same given name or word; any member may replace any other. */
  private static final List<List<String>> TRANSLITERATIONS =
      List.of(
          List.of("MOHAMMED", "MUHAMMAD", "MOHAMMAD", "MOHAMED", "MUHAMMED", "MOHAMAD"),
          List.of("ALEKSANDR", "ALEXANDER", "ALEKSANDER", "ALEXANDR"),
          List.of("YEVGENIY", "EVGENIY", "EVGENY", "YEVGENY"),
          List.of("SERGEY", "SERGEI", "SERGUEI"),
          List.of("DMITRIY", "DMITRY", "DMITRI"),
          List.of("YURIY", "YURI", "YURY", "IURII"),
          List.of("ANDREY", "ANDREI"),
          List.of("ALEKSEY", "ALEXEI", "ALEKSEI", "ALEXEY"),
          List.of("NIKOLAY", "NIKOLAI"),
          List.of("MIKHAIL", "MICHAIL", "MIKHAYL"),
          List.of("VIKTOR", "VICTOR"),
          List.of("VLADIMIR", "WLADIMIR"),
          List.of("GENNADIY", "GENNADY", "GENNADI"),
          List.of("ANATOLIY", "ANATOLY", "ANATOLI"),
          List.of("VALERIY", "VALERY", "VALERI"),
          List.of("ARKADIY", "ARKADY"),
          List.of("VITALIY", "VITALY"),
          List.of("YULIYA", "YULIA", "JULIA"),
          List.of("NATALYA", "NATALIA"),
          List.of("TATYANA", "TATIANA"),
          List.of("PYOTR", "PETR"),
          List.of("FYODOR", "FEDOR"),
          List.of("ILYA", "ILIA"),
          List.of("HUSSEIN", "HUSSAIN", "HUSAYN", "HUSEIN"),
          List.of("HASSAN", "HASAN"),
          List.of("AHMED", "AHMAD"),
          List.of("MAHMOUD", "MAHMUD"),
          List.of("YOUSSEF", "YOUSEF", "YUSUF", "YOUSUF"),
          List.of("ABDUL", "ABDEL", "ABD AL"),
          List.of("OMAR", "UMAR"),
          List.of("OSAMA", "USAMA"),
          List.of("KHALID", "KHALED"),
          List.of("IBRAHIM", "EBRAHIM"),
          List.of("ALI", "ALY"),
          List.of("HAMID", "HAMEED"),
          List.of("RASHID", "RASHEED"),
          List.of("SAEED", "SAID", "SAYED"),
          List.of("MUSTAFA", "MOSTAFA"),
          List.of("HOSSEIN", "HOSEIN", "HUSSEIN"),
          List.of("MOHSEN", "MUHSIN"),
          List.of("JAVAD", "JAWAD"),
          List.of("REZA", "RIZA"));

  /** Spellings of the same legal form. */
  private static final List<List<String>> LEGAL_FORMS =
      List.of(
          List.of(
              "LIMITED LIABILITY COMPANY",
              "LLC",
              "OOO",
              "L.L.C.",
              "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU"),
          List.of(
              "JOINT STOCK COMPANY",
              "JSC",
              "AO",
              "OAO",
              "PAO",
              "PJSC",
              "PUBLIC JOINT STOCK COMPANY",
              "OPEN JOINT STOCK COMPANY",
              "CLOSED JOINT STOCK COMPANY",
              "AKTSIONERNOE OBSHCHESTVO"),
          List.of("CO., LTD.", "COMPANY LIMITED", "CO. LTD"),
          List.of("LIMITED", "LTD", "LTD."),
          List.of("INCORPORATED", "INC.", "INC"),
          List.of("CORPORATION", "CORP."),
          List.of("S.A. DE C.V.", "SA DE CV"),
          List.of("S.A.", "SA"),
          List.of("GMBH", "G.M.B.H."));

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private final Random random;

  NameVariants(final Random random) {
    this.random = random;
  }

  /** One random edit (substitute, delete, insert or swap neighbours) in one word of 5+ letters. */
  Optional<String> typo(final String name) {
    final String[] words = name.split(" ");
    final List<Integer> long5 = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].chars().filter(Character::isLetter).count() >= 5) {
        long5.add(i);
      }
    }
    if (long5.isEmpty()) {
      return Optional.empty();
    }
    final int w = long5.get(random.nextInt(long5.size()));
    final StringBuilder word = new StringBuilder(words[w]);
    final int at = random.nextInt(word.length() - 1);
    final char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
    switch (random.nextInt(4)) {
      case 0 -> word.setCharAt(at, letter);
      case 1 -> word.deleteCharAt(at);
      case 2 -> word.insert(at, letter);
      default -> {
        final char c = word.charAt(at);
        word.setCharAt(at, word.charAt(at + 1));
        word.setCharAt(at + 1, c);
      }
    }
    words[w] = word.toString();
    return Optional.of(String.join(" ", words));
  }

  /**
   * {@code SURNAME, Given} as {@code Given SURNAME}; in other names two neighbouring words (not
   * legal forms) change places.
   */
  Optional<String> swapped(final String name) {
    final int comma = name.indexOf(", ");
    if (comma > 0 && name.indexOf(", ", comma + 1) < 0) {
      return Optional.of(name.substring(comma + 2) + " " + name.substring(0, comma));
    }
    final String[] words = name.split(" ");
    final List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 1 < words.length; i++) {
      if (!isLegalForm(words[i]) && !isLegalForm(words[i + 1])) {
        starts.add(i);
      }
    }
    if (starts.isEmpty()) {
      return Optional.empty();
    }
    final int at = starts.get(random.nextInt(starts.size()));
    final String first = words[at];
    words[at] = words[at + 1];
    words[at + 1] = first;
    return Optional.of(String.join(" ", words));
  }

  /**
   * One word left out: for {@code SURNAME, Given Names} a non-first word of either part that has
   * two or more words (a patronymic, a middle name, a second surname); for other names one of the
   * words of 3+ letters that are not legal forms, not the first of them, when there are three or
   * more.
   */
  Optional<String> dropped(final String name) {
    final int comma = name.indexOf(", ");
    if (comma > 0) {
      final String[] surname = name.substring(0, comma).split(" ");
      final String[] given = name.substring(comma + 2).split(" ");
      final boolean fromGiven = given.length >= 2 && (surname.length < 2 || random.nextBoolean());
      if (fromGiven) {
        return Optional.of(String.join(" ", surname) + ", " + String.join(" ", drop(given)));
      }
      if (surname.length >= 2) {
        return Optional.of(String.join(" ", drop(surname)) + ", " + String.join(" ", given));
      }
      return Optional.empty();
    }
    final String[] words = name.split(" ");
    final List<Integer> content = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 3 && !isLegalForm(words[i])) {
        content.add(i);
      }
    }
    if (content.size() < 3) {
      return Optional.empty();
    }
    final int gone = content.get(1 + random.nextInt(content.size() - 1));
    final List<String> kept = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (i != gone) {
        kept.add(words[i]);
      }
    }
    return Optional.of(String.join(" ", kept));
  }

  private String[] drop(final String[] words) {
    final int gone = 1 + random.nextInt(words.length - 1);
    final List<String> kept = new ArrayList<>(Arrays.asList(words));
    kept.remove(gone);
    return kept.toArray(String[]::new);
  }

  /** Every word with a known other romanisation written in another one. */
  Optional<String> transliterated(final String name) {
    String result = name.toUpperCase(Locale.ROOT);
    boolean changed = false;
    for (final List<String> group : TRANSLITERATIONS) {
      for (final String spelling : group) {
        final Matcher m = word(spelling).matcher(result);
        if (m.find()) {
          final String other = other(group, spelling);
          result = m.replaceAll(Matcher.quoteReplacement(other));
          changed = true;
          break;
        }
      }
    }
    return changed ? Optional.of(result) : Optional.empty();
  }

  /** The legal form spelt another way (maybe moved to the other end), or one added if none. */
  Optional<String> legalFormChanged(final String name) {
    final String upper = name.toUpperCase(Locale.ROOT);
    final List<String[]> found = new ArrayList<>();
    for (final List<String> group : LEGAL_FORMS) {
      for (final String spelling : group) {
        if (word(spelling).matcher(upper).find()) {
          found.add(new String[] {spelling, other(group, spelling)});
        }
      }
    }
    if (found.isEmpty()) {
      final List<String> group = LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size()));
      return Optional.of(upper + " " + group.get(random.nextInt(group.size())));
    }
    found.sort(Comparator.comparingInt((String[] f) -> f[0].length()).reversed());
    final String[] change = found.getFirst();
    final Matcher m = word(change[0]).matcher(upper);
    if (random.nextBoolean()) {
      return Optional.of(m.replaceFirst(Matcher.quoteReplacement(change[1])));
    }
    final String without =
        m.replaceFirst("").replaceAll("^[ ,]+|[ ,]+$", "").replaceAll("  +", " ");
    return Optional.of(m.start() == 0 ? without + " " + change[1] : change[1] + " " + without);
  }

  /** The first spelling of the word's romanisation group, or the word itself. */
  static String canonical(final String word) {
    for (final List<String> group : TRANSLITERATIONS) {
      if (group.contains(word)) {
        return group.getFirst();
      }
    }
    return word;
  }

  /** Written in upper, lower, title or the original case. */
  String restyled(final String name) {
    return switch (random.nextInt(4)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> name.toLowerCase(Locale.ROOT);
      case 2 -> titleCase(name);
      default -> name;
    };
  }

  private static String titleCase(final String name) {
    final StringBuilder out = new StringBuilder(name.length());
    boolean start = true;
    for (final char c : name.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }

  private String other(final List<String> group, final String spelling) {
    String other;
    do {
      other = group.get(random.nextInt(group.size()));
    } while (other.equals(spelling));
    return other;
  }

  private static boolean isLegalForm(final String word) {
    final String upper = word.toUpperCase(Locale.ROOT).replaceAll("[.,']", "");
    return LEGAL_FORMS.stream()
        .flatMap(List::stream)
        .flatMap(f -> Arrays.stream(f.split(" ")))
        .anyMatch(f -> f.replaceAll("[.,]", "").equals(upper));
  }

  private static Pattern word(final String spelling) {
    return Pattern.compile("(?<![A-Z0-9])" + Pattern.quote(spelling) + "(?![A-Z0-9])");
  }
}
