package org.openmineral.workers.kyc;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmineral.domain.screening.EntryType;
import org.openmineral.domain.screening.ScreeningDecision;
import org.openmineral.domain.screening.ScreeningMatch;
import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;
import org.springframework.stereotype.Component;

/**
 * Job type {@code kyc.screen}: screens the counterparty's name and each ultimate beneficial owner
 * against the sanctions lists.
 *
 * <p>Reads {@code name}, {@code type} (INDIVIDUAL, ENTITY, VESSEL), {@code country} (ISO 3166-1
 * alpha-2, used as evidence) and {@code ultimateBeneficialOwners} (names, optional). Writes {@code
 * screeningDecision} ({@code CLEAR} or {@code POTENTIAL_MATCH}: any party has a match) and {@code
 * screeningMatches} (the counterparty's matches, then each owner's, best first).
 *
 * <p>Screening has no side effect and depends only on the variables and the loaded lists, so a
 * redelivered job gives the same result. Lists unavailable: the job fails with the reason and is
 * retried after {@link #RETRY_BACKOFF}; when the retries are used up the engine raises an incident.
 * Invalid input (no name, unknown type) fails the job without retries: an incident for a person to
 * correct the variables.
 */
@Component
public class KycScreenWorker {
  public static final String TYPE = "kyc.screen";
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final SanctionsScreening screening;

  public KycScreenWorker(final SanctionsScreening screening) {
    this.screening = screening;
  }

  /** The variables the job reads. */
  public record Input(
      String name, String type, String country, List<String> ultimateBeneficialOwners) {}

  /** One potential match, as the process and the review forms see it. */
  public record Match(
      String party,
      String role,
      String entryId,
      String listedName,
      String matchedName,
      double score,
      String list,
      String type,
      String reason) {}

  /** The variables the job writes. */
  public record Output(String screeningDecision, List<Match> screeningMatches) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"name", "type", "country", "ultimateBeneficialOwners"})
  public Output screen(final ActivatedJob job, @VariablesAsType final Input input) {
    final List<ScreeningRequest> parties = parties(input);
    final List<Match> matches = new ArrayList<>();
    for (int i = 0; i < parties.size(); i++) {
      final ScreeningRequest party = parties.get(i);
      final ScreeningResult result;
      try {
        result = screening.screen(party);
      } catch (final RuntimeException e) {
        throw CamundaError.jobError(
            "Sanctions screening failed for '" + party.name() + "': " + e.getMessage(),
            Map.of(),
            Math.max(0, job.getRetries() - 1),
            RETRY_BACKOFF,
            e);
      }
      final String role = i == 0 ? "COUNTERPARTY" : "OWNER";
      for (final ScreeningMatch match : result.matches()) {
        matches.add(
            new Match(
                party.name(),
                role,
                match.entryId(),
                match.name(),
                match.matchedName(),
                match.score().doubleValue(),
                match.list(),
                match.type().name(),
                match.reason()));
      }
    }
    return new Output(
        (matches.isEmpty() ? ScreeningDecision.CLEAR : ScreeningDecision.POTENTIAL_MATCH).name(),
        matches);
  }

  private static List<ScreeningRequest> parties(final Input input) {
    if (input.name() == null || input.name().isBlank()) {
      throw invalid("variable 'name' is missing or blank");
    }
    final EntryType type;
    try {
      type = EntryType.valueOf(String.valueOf(input.type()).trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw invalid(
          "variable 'type' must be INDIVIDUAL, ENTITY or VESSEL, got '" + input.type() + "'");
    }
    if (type == EntryType.AIRCRAFT) {
      throw invalid("variable 'type' must be INDIVIDUAL, ENTITY or VESSEL, got 'AIRCRAFT'");
    }
    final List<ScreeningRequest> parties = new ArrayList<>();
    parties.add(new ScreeningRequest(input.name(), type, countryName(input.country()), null));
    if (input.ultimateBeneficialOwners() != null) {
      for (final String owner : input.ultimateBeneficialOwners()) {
        if (owner != null && !owner.isBlank()) {
          parties.add(ScreeningRequest.of(owner));
        }
      }
    }
    return parties;
  }

  /** The English country name OFAC writes for an ISO alpha-2 code (e.g. CU: Cuba), or null. */
  static String countryName(final String alpha2) {
    if (alpha2 == null) {
      return null;
    }
    final String code = alpha2.trim().toUpperCase(Locale.ROOT);
    if (!Arrays.asList(Locale.getISOCountries()).contains(code)) {
      throw invalid("variable 'country' must be an ISO 3166-1 alpha-2 code, got '" + alpha2 + "'");
    }
    return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
  }

  private static RuntimeException invalid(final String reason) {
    return CamundaError.jobError(
        "Invalid input for sanctions screening: " + reason, Map.of(), 0, Duration.ZERO, null);
  }
}
