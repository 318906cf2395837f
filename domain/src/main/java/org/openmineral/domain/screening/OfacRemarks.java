package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the free-text OFAC {@code Remarks} say about names, birth and nationality. Remarks are
 * {@code ;}-separated clauses such as {@code DOB 17 Sep 1962}, {@code alt. DOB 1961}, {@code DOB
 * circa 1960}, {@code DOB 1960 to 1962}, {@code nationality Russia}, {@code citizen Venezuela},
 * {@code a.k.a. 'BNC'}, {@code f.k.a. 'SAND SWAN'}.
 *
 * @param aliases names in a.k.a./f.k.a./n.k.a. clauses
 * @param birthYears every four-digit year in a DOB clause (both ends of a range)
 * @param countries countries of nationality or citizenship
 */
record OfacRemarks(List<String> aliases, Set<Integer> birthYears, Set<String> countries) {
  private static final Pattern ALIAS = Pattern.compile("\\b[afn]\\.k\\.a\\.,? '([^']+)'");
  private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
  private static final Pattern COUNTRY =
      Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) ([A-Z][A-Za-z ,.'()-]+)$");

  static final OfacRemarks NONE = new OfacRemarks(List.of(), Set.of(), Set.of());

  /** Parses remarks text; {@code null} gives {@link #NONE}. */
  static OfacRemarks parse(final String remarks) {
    if (remarks == null) {
      return NONE;
    }
    final List<String> aliases = new ArrayList<>();
    final Matcher alias = ALIAS.matcher(remarks);
    while (alias.find()) {
      aliases.add(alias.group(1).trim());
    }
    final Set<Integer> years = new LinkedHashSet<>();
    final Set<String> countries = new LinkedHashSet<>();
    for (final String raw : remarks.split(";")) {
      final String clause = stripFinalStop(raw.trim());
      if (clause.startsWith("DOB ") || clause.startsWith("alt. DOB ")) {
        final Matcher year = YEAR.matcher(clause);
        while (year.find()) {
          years.add(Integer.parseInt(year.group(1)));
        }
      }
      final Matcher country = COUNTRY.matcher(clause);
      if (country.matches()) {
        countries.add(country.group(1).trim());
      }
    }
    return new OfacRemarks(aliases, years, countries);
  }

  private static String stripFinalStop(final String clause) {
    return clause.endsWith(".") ? clause.substring(0, clause.length() - 1) : clause;
  }
}
