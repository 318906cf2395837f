package org.openmineral.compliance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.openmineral.domain.screening.EntryType;
import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sanctions screening of a person, company or vessel against the loaded lists. */
@RestController
@RequestMapping("/api/compliance")
class ScreeningController {
  private final SanctionsLists lists;

  ScreeningController(final SanctionsLists lists) {
    this.lists = lists;
  }

  /**
   * @param country optional evidence: an ISO 3166 alpha-2 code ({@code RU}) or a country name as
   *     the lists write it ({@code Russia})
   */
  record Request(String name, String type, String country, Integer birthYear) {}

  record Match(
      String entryId,
      String name,
      String matchedName,
      BigDecimal score,
      String list,
      String type,
      String reason) {}

  record Response(String decision, List<Match> matches) {}

  @PostMapping("/screenings")
  Response screen(@RequestBody final Request request) {
    if (request.name() == null || request.name().isBlank()) {
      throw new InvalidRequestField("name", "is required");
    }
    if (request.name().length() > 500) {
      throw new InvalidRequestField("name", "is longer than 500 characters");
    }
    final ScreeningResult result =
        lists.screen(
            new ScreeningRequest(
                request.name(),
                type(request.type()),
                country(request.country()),
                birthYear(request.birthYear())));
    return new Response(
        result.decision().name(),
        result.matches().stream()
            .map(
                m ->
                    new Match(
                        m.entryId(),
                        m.name(),
                        m.matchedName(),
                        m.score(),
                        m.list(),
                        m.type() == null ? null : m.type().name(),
                        m.reason()))
            .toList());
  }

  private static EntryType type(final String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return EntryType.valueOf(type.trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField(
          "type", "must be one of INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT; was '" + type + "'");
    }
  }

  /** ISO alpha-2 codes become the English country name the lists use; names pass as given. */
  private static String country(final String country) {
    if (country == null || country.isBlank()) {
      return null;
    }
    final String trimmed = country.trim();
    if (trimmed.length() == 2) {
      final String code = trimmed.toUpperCase(Locale.ROOT);
      if (!List.of(Locale.getISOCountries()).contains(code)) {
        throw new InvalidRequestField(
            "country", "'" + country + "' is not an ISO 3166 alpha-2 code");
      }
      return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
    return trimmed;
  }

  private static Integer birthYear(final Integer year) {
    if (year != null && (year < 1850 || year > 2100)) {
      throw new InvalidRequestField("birthYear", "must be a plausible year, was " + year);
    }
    return year;
  }
}
