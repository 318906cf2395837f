package org.openmineral.workers.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmineral.workers.kyc.KycScreenWorker;
import org.springframework.stereotype.Component;

/**
 * Job type {@code agent.review-screening-hits}: an LLM agent pre-reviews the sanctions screening
 * hits of a counterparty, with two read-only tools: re-screening a name ({@link
 * ScreeningReviewTools#screenName}) and the counterparty's record ({@link
 * ScreeningReviewTools#counterparty}).
 *
 * <p>A confident answer ({@code FALSE_POSITIVE} or {@code TRUE_MATCH}, confidence at or above the
 * threshold, every hit of the case assessed and none invented) completes the job with {@code
 * hitsReviewOutcome}, {@code hitsReviewNotes}, {@code agentReview}, {@code agentConfidence} and
 * {@code agentReasons}; compliance still decides in its own task. Anything else throws the BPMN
 * error {@code ESCALATE} ({@link AgentEscalation}) into the user task "Review screening hits", with
 * the draft, reasons and cause, and {@code screeningEscalationReason} for the form. An {@code
 * INCONCLUSIVE} answer escalates as {@link EscalationCause#LOW_CONFIDENCE}.
 *
 * <p>The prompt has what comparing names needs: the counterparty's name, type and country, its
 * owners' names and the hits; nothing else of the counterparty's record.
 */
@Component
public class AgentReviewScreeningHitsWorker {
  public static final String TYPE = "agent.review-screening-hits";
  public static final String ESCALATE = AgentEscalation.ERROR_CODE;
  static final String SCHEMA = "review-screening-hits";
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String INSTRUCTIONS =
      """
      You are a sanctions compliance analyst at a metals trading house. Screening of a new \
      counterparty and its ultimate beneficial owners against the OFAC lists found potential \
      matches. Pre-review each hit: decide whether the listed party is the screened party \
      (sameParty YES), clearly a different one (NO) or cannot be told apart from the facts \
      (UNSURE).
      Rules:
      - Use only the facts in the case and in tool answers; never assume facts you were not \
      given.
      - Tools: screen_name re-screens a name (e.g. a spelling or an alias) against the lists; \
      counterparty returns the counterparty's record (type, country, disclosed owners, KYC \
      history). Tools only read.
      - Assess every hit of the case, by its entryId and screened party, and no other entry.
      - outcome FALSE_POSITIVE only if every hit is NO; TRUE_MATCH if any hit is YES; \
      otherwise INCONCLUSIVE.
      - A shared common name alone is never enough for NO: say what differs (type of party, \
      country, legal form, list programme).
      - Compliance decides on onboarding afterwards; you only pre-review the hits.""";

  private final AgentRunner runner;
  private final ScreeningReviewTools tools;
  private final AgentResultSchema schema = AgentResultSchema.load(SCHEMA);

  public AgentReviewScreeningHitsWorker(
      final AgentRunner runner, final ScreeningReviewTools tools) {
    this.runner = runner;
    this.tools = tools;
  }

  /** The variables the job reads. */
  public record Input(
      String counterpartyId,
      String name,
      String type,
      String country,
      Boolean ownershipDisclosed,
      List<String> ultimateBeneficialOwners,
      List<KycScreenWorker.Match> screeningMatches) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {
        "counterpartyId",
        "name",
        "type",
        "country",
        "ownershipDisclosed",
        "ultimateBeneficialOwners",
        "screeningMatches"
      })
  public Map<String, Object> review(final ActivatedJob job, @VariablesAsType final Input input) {
    final AgentTask task = AgentTask.forJob(TYPE, job, input.counterpartyId());
    final AgentSpec spec =
        new AgentSpec(
            INSTRUCTIONS,
            caseText(input),
            List.of(tools.screenName(), tools.counterparty()),
            schema,
            answer -> problems(answer, input));
    final AgentOutcome outcome = runner.run(spec, task);
    return switch (outcome) {
      case AgentOutcome.Completed done when isInconclusive(done.result()) ->
          throw escalate(
              new AgentOutcome.Escalated(
                  EscalationCause.LOW_CONFIDENCE,
                  "the agent found the hits inconclusive",
                  done.result(),
                  done.reasons(),
                  done.confidence()));
      case AgentOutcome.Completed done -> completed(done);
      case AgentOutcome.Escalated escalated -> throw escalate(escalated);
    };
  }

  private static boolean isInconclusive(final JsonNode result) {
    return "INCONCLUSIVE".equals(result.path("outcome").asText());
  }

  private static Map<String, Object> completed(final AgentOutcome.Completed done) {
    final Map<String, Object> variables = new HashMap<>();
    variables.put("hitsReviewOutcome", done.result().get("outcome").asText());
    variables.put(
        "hitsReviewNotes",
        "Pre-reviewed by the screening agent (confidence "
            + done.confidence().toPlainString()
            + "): "
            + done.result().get("notes").asText());
    variables.put("agentReview", JSON.convertValue(done.result(), Object.class));
    variables.put("agentConfidence", done.confidence());
    variables.put("agentReasons", done.reasons());
    return variables;
  }

  private static RuntimeException escalate(final AgentOutcome.Escalated escalated) {
    return AgentEscalation.bpmnError(
        escalated,
        Map.of(
            "screeningEscalationReason",
            escalated.cause() == EscalationCause.NO_MODEL
                ? AgentRunner.NO_MODEL
                : "agent escalated (" + escalated.cause() + "): " + escalated.reason()));
  }

  /** The case as the model reads it: only what comparing the parties needs. */
  static String caseText(final Input input) {
    final Map<String, Object> counterparty = new LinkedHashMap<>();
    counterparty.put("id", input.counterpartyId());
    counterparty.put("name", input.name());
    counterparty.put("type", input.type());
    counterparty.put("country", input.country());
    counterparty.put("ownershipDisclosed", input.ownershipDisclosed());
    counterparty.put(
        "ultimateBeneficialOwners",
        input.ultimateBeneficialOwners() == null ? List.of() : input.ultimateBeneficialOwners());
    final Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("counterparty", counterparty);
    facts.put(
        "potentialMatches",
        input.screeningMatches() == null ? List.of() : input.screeningMatches());
    try {
      return "Screening case:\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(facts);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a schema-valid answer gets wrong about the case. */
  static List<String> problems(final JsonNode answer, final Input input) {
    final Set<String> expected = new LinkedHashSet<>();
    if (input.screeningMatches() != null) {
      input.screeningMatches().forEach(m -> expected.add(m.entryId() + " / " + m.party()));
    }
    final Set<String> assessed = new LinkedHashSet<>();
    final Set<String> verdicts = new LinkedHashSet<>();
    answer
        .path("hits")
        .forEach(
            hit -> {
              assessed.add(hit.path("entryId").asText() + " / " + hit.path("party").asText());
              verdicts.add(hit.path("sameParty").asText());
            });
    final List<String> problems = new java.util.ArrayList<>();
    final Set<String> invented = new LinkedHashSet<>(assessed);
    invented.removeAll(expected);
    if (!invented.isEmpty()) {
      problems.add("assesses hits the case does not have: " + invented);
    }
    final Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(assessed);
    if (!missing.isEmpty()) {
      problems.add("leaves hits unassessed: " + missing);
    }
    final String outcome = answer.path("outcome").asText();
    if (outcome.equals("FALSE_POSITIVE") && !Set.of("NO").containsAll(verdicts)) {
      problems.add("outcome FALSE_POSITIVE needs every hit to be NO");
    }
    if (outcome.equals("TRUE_MATCH") && !verdicts.contains("YES")) {
      problems.add("outcome TRUE_MATCH needs a hit that is YES");
    }
    return problems;
  }
}
