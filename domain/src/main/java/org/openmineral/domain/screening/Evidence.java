package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What facts other than the name add to or take from a name score. Only facts known on both sides
 * count; an unknown never changes the score.
 *
 * <ul>
 *   <li>Country: the screened country among the entry's countries {@value #COUNTRY_AGREES}, not
 *       among them {@value #COUNTRY_DIFFERS}.
 *   <li>Birth year: within one year of one of the entry's birth years {@value #BIRTH_YEAR_AGREES},
 *       further from all of them {@value #BIRTH_YEAR_DIFFERS}.
 * </ul>
 *
 * Evidence adjusts but cannot decide alone: a strong name match with a different birth year still
 * reaches review, a weak one with agreeing evidence does not.
 *
 * @param adjustment added to the name score
 * @param reasons what was compared, for the match reason
 */
record Evidence(double adjustment, List<String> reasons) {
  static final double COUNTRY_AGREES = 0.04;
  static final double COUNTRY_DIFFERS = -0.06;
  static final double BIRTH_YEAR_AGREES = 0.04;
  static final double BIRTH_YEAR_DIFFERS = -0.12;

  static Evidence of(final ScreeningRequest request, final WatchListEntry entry) {
    double adjustment = 0;
    final List<String> reasons = new ArrayList<>(2);
    if (request.country() != null && !request.country().isBlank() && !entry.countries().isEmpty()) {
      final String wanted = key(request.country());
      if (entry.countries().stream().anyMatch(c -> key(c).equals(wanted))) {
        adjustment += COUNTRY_AGREES;
        reasons.add(
            String.format(
                Locale.ROOT, "country %s listed %+.2f", request.country(), COUNTRY_AGREES));
      } else {
        adjustment += COUNTRY_DIFFERS;
        reasons.add(
            String.format(
                Locale.ROOT,
                "country %s not among %s %+.2f",
                request.country(),
                entry.countries(),
                COUNTRY_DIFFERS));
      }
    }
    if (request.birthYear() != null && !entry.birthYears().isEmpty()) {
      final int year = request.birthYear();
      if (entry.birthYears().stream().anyMatch(y -> Math.abs(y - year) <= 1)) {
        adjustment += BIRTH_YEAR_AGREES;
        reasons.add(
            String.format(Locale.ROOT, "birth year %d agrees %+.2f", year, BIRTH_YEAR_AGREES));
      } else {
        adjustment += BIRTH_YEAR_DIFFERS;
        reasons.add(
            String.format(
                Locale.ROOT,
                "birth year %d not within 1 of %s %+.2f",
                year,
                entry.birthYears(),
                BIRTH_YEAR_DIFFERS));
      }
    }
    return new Evidence(adjustment, reasons);
  }

  private static String key(final String country) {
    return String.join(" ", NameNormaliser.tokens(country)).toUpperCase(Locale.ROOT);
  }
}
