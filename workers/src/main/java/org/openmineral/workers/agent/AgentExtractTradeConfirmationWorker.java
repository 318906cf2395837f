package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Job type {@code agent.extract-trade-confirmation}: an LLM agent reads the text of a trade
 * confirmation (e-mail or document text, variable {@code confirmationText}) and extracts its terms,
 * each with the words it was read from. It has no tools: everything must come from the text.
 *
 * <p>Beyond the schema, the worker checks that every quote really is in the confirmation (as the
 * model saw it, spacing and case aside), that every figure of a value appears in its quote, and
 * that no term is given twice. A valid answer with all required terms (seller, buyer, metal,
 * quantity, quotational period, incoterm) and confidence at or above the threshold completes with
 * {@code extractedTerms} (name to value), {@code extractedEvidence} (the quotes), {@code
 * agentConfidence} and {@code agentReasons}. Missing required terms escalate as {@link
 * EscalationCause#LOW_CONFIDENCE}; every other escalation is as for all agents ({@link
 * AgentEscalation}).
 */
@Component
public class AgentExtractTradeConfirmationWorker {
  public static final String TYPE = "agent.extract-trade-confirmation";
  static final int MAX_TEXT = 20_000;

  static final String INSTRUCTIONS =
      """
      You extract the agreed terms from a trade confirmation for a metals or concentrates deal, \
      so that operations can check them against the booked deal. Read only the confirmation in \
      the user message. For each term you find give its name, its value as written (numbers with \
      their units) and the exact words of the confirmation you read it from (quote). Never infer \
      a term that is not written; list the required terms that are absent in missing.""";

  private final AgentRunner runner;
  private final AgentResultSchema schema = AgentResultSchema.load("extract-trade-confirmation");

  public AgentExtractTradeConfirmationWorker(final AgentRunner runner) {
    this.runner = runner;
  }

  /** The variables the job reads. */
  public record Input(String confirmationText, String dealId) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"confirmationText", "dealId"})
  public Map<String, Object> extract(final ActivatedJob job, @VariablesAsType final Input input) {
    final String text = input.confirmationText() == null ? "" : input.confirmationText();
    final String shown =
        PersonalData.redact(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    final AgentTask task =
        AgentTask.forJob(
            TYPE, job, input.dealId() == null ? "job-" + job.getKey() : input.dealId());
    final AgentOutcome outcome =
        text.isBlank()
            ? new AgentOutcome.Escalated(
                EscalationCause.VALIDATION_FAILED,
                "the confirmation text is empty",
                null,
                List.of(),
                null)
            : runner.run(
                new AgentSpec(
                    INSTRUCTIONS,
                    "Trade confirmation:\n" + shown,
                    List.of(),
                    schema,
                    answer -> problems(answer, shown)),
                task);
    return switch (outcome) {
      case AgentOutcome.Completed done when done.result().path("missing").size() > 0 ->
          throw AgentEscalation.bpmnError(
              new AgentOutcome.Escalated(
                  EscalationCause.LOW_CONFIDENCE,
                  "the confirmation does not state " + done.result().get("missing"),
                  done.result(),
                  done.reasons(),
                  done.confidence()),
              Map.of());
      case AgentOutcome.Completed done -> completed(done);
      case AgentOutcome.Escalated escalated -> throw AgentEscalation.bpmnError(escalated, Map.of());
    };
  }

  private static Map<String, Object> completed(final AgentOutcome.Completed done) {
    final Map<String, Object> terms = new LinkedHashMap<>();
    final List<Map<String, Object>> evidence = new ArrayList<>();
    for (final JsonNode field : done.result().get("fields")) {
      terms.put(field.get("name").asText(), field.get("value").asText());
      evidence.add(
          Map.of("name", field.get("name").asText(), "quote", field.get("quote").asText()));
    }
    final Map<String, Object> variables = new HashMap<>();
    variables.put("extractedTerms", terms);
    variables.put("extractedEvidence", evidence);
    variables.put("agentConfidence", done.confidence());
    variables.put("agentReasons", done.reasons());
    return variables;
  }

  /** What a schema-valid answer gets wrong about the confirmation it was given. */
  static List<String> problems(final JsonNode answer, final String confirmation) {
    final String text = normalised(confirmation);
    final List<String> problems = new ArrayList<>();
    final Set<String> seen = new java.util.HashSet<>();
    for (final JsonNode field : answer.path("fields")) {
      final String name = field.path("name").asText();
      final String quote = field.path("quote").asText();
      if (!seen.add(name)) {
        problems.add(name + " is given twice");
      }
      if (!text.contains(normalised(quote))) {
        problems.add(name + ": the quote '" + quote + "' is not in the confirmation");
      }
      for (final String figure : field.path("value").asText().split("[^0-9.,]+")) {
        final String digits = figure.replaceAll("[^0-9]", "");
        if (!digits.isEmpty() && !quote.replaceAll("[^0-9]", "").contains(digits)) {
          problems.add(name + ": the figure " + figure + " is not in its quote");
        }
      }
    }
    for (final JsonNode missing : answer.path("missing")) {
      if (seen.contains(missing.asText())) {
        problems.add(missing.asText() + " is both given and missing");
      }
    }
    return problems;
  }

  private static String normalised(final String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
