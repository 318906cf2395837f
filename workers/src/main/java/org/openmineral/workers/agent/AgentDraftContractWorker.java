package org.openmineral.workers.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Job type {@code agent.draft-contract}: an LLM agent drafts the deal's sales contract from its
 * terms and the clause library, with read-only tools: the deal's record ({@code deal}) and the
 * clause search ({@code search_reference}).
 *
 * <p>Beyond the schema the worker checks the draft against the deal: the counterparty is the seller
 * of a purchase and the buyer of a sale; the standard clauses for payables, treatment and refining
 * charges, assays and umpire and sanctions (and the quotational period of a QP-priced deal) are
 * there, each citing a document the library has; and every payable percentage and the treatment
 * charge of the deal's terms appear in their clause. A valid, confident draft completes with {@code
 * contractReference} ({@code AGENT-DRAFT-<deal id>}, to be filed by legal), {@code
 * contractSummary}, {@code contractDraft} (the contract as Markdown), {@code agentContract}, {@code
 * agentConfidence} and {@code agentReasons}; legal reviews it next. Anything else throws {@code
 * ESCALATE} with the {@code agent*} variables and {@code contractEscalationReason}, into legal's
 * "Draft contract".
 */
@Component
public class AgentDraftContractWorker {
  public static final String TYPE = "agent.draft-contract";
  public static final String ESCALATE = AgentEscalation.ERROR_CODE;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  static final String INSTRUCTIONS =
      """
      You are a contracts lawyer at a physical metals trading house (the Company). Draft the \
      sales contract of the approved deal in the user message from the Company's standard \
      clauses. For a BUY deal the counterparty is the Seller and the Company the Buyer; for a SELL \
      deal the reverse. Search the clause library with search_reference for each clause and base \
      each clause on a standard one, citing it as clauses/<document>. Put the deal's own figures \
      (quantity, QP, payable percentages, treatment and refining charges, penalties, splitting \
      limits, provisional payment) into the clauses; where the deal departs from the standard \
      clause, say so in deviations. Always include payables, treatment and refining charges, \
      assays and umpire, sanctions, and the quotational period for QP pricing. The deal tool \
      returns the deal as stored. Legal reviews your draft.""";

  private final AgentRunner runner;
  private final DealLookup deals;
  private final ReferenceTools reference;
  private final ReferenceLibrary library;
  private final AgentJobs jobs;
  private final AgentResultSchema schema = AgentResultSchema.load("draft-contract");

  public AgentDraftContractWorker(
      final AgentRunner runner,
      final DealLookup deals,
      final ReferenceTools reference,
      final ReferenceLibrary library,
      final AgentJobs jobs) {
    this.jobs = jobs;
    this.runner = runner;
    this.deals = deals;
    this.reference = reference;
    this.library = library;
  }

  @JobWorker(
      type = TYPE,
      autoComplete = false,
      fetchVariables = {
        "dealId",
        "direction",
        "commodity",
        "metal",
        "counterpartyName",
        "quantity",
        "moisturePct",
        "provisionalAssays",
        "pricing",
        "terms",
        "provisionalPct",
        "dealValue",
        "currency"
      })
  public void draft(final ActivatedJob job) {
    jobs.run(job, () -> draftNow(job));
  }

  /** The drafting itself: the job's variables, or the BPMN error {@code ESCALATE} thrown. */
  Map<String, Object> draftNow(final ActivatedJob job) {
    final Map<String, Object> deal = job.getVariablesAsMap();
    final String dealId = String.valueOf(deal.get("dealId"));
    final AgentTask task = AgentTask.forJob(TYPE, job, dealId);
    final JsonNode facts = JSON.valueToTree(deal);
    final AgentOutcome outcome =
        runner.run(
            new AgentSpec(
                INSTRUCTIONS,
                caseText(facts),
                List.of(dealTool(), reference.searchReference()),
                schema,
                answer -> problems(answer, facts)),
            task);
    return switch (outcome) {
      case AgentOutcome.Completed done -> completed(dealId, done);
      case AgentOutcome.Escalated escalated ->
          throw AgentEscalation.bpmnError(
              escalated, Map.of("contractEscalationReason", AgentEscalation.summary(escalated)));
    };
  }

  private AgentTool dealTool() {
    return new AgentTool(
        ToolSpecification.builder()
            .name("deal")
            .description(
                "The deal as stored by id: status, stage, direction, commodity, metal, terms and the"
                    + " counterparty's name, country and KYC status. Reads only.")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the deal id (a UUID)")
                    .required("id")
                    .build())
            .build(),
        arguments -> {
          final String id = ScreeningReviewTools.required(arguments, "id");
          return deals
              .find(id)
              .<Object>map(d -> d)
              .orElseGet(() -> Map.of("error", "no deal with id " + id));
        });
  }

  private static Map<String, Object> completed(
      final String dealId, final AgentOutcome.Completed done) {
    final JsonNode contract = done.result();
    final StringBuilder summary = new StringBuilder(contract.get("summary").asText());
    if (!contract.get("deviations").isEmpty()) {
      summary.append("\nDeviations from the standard clauses:");
      contract.get("deviations").forEach(d -> summary.append("\n- ").append(d.asText()));
    }
    final Map<String, Object> variables = new HashMap<>();
    variables.put("contractReference", "AGENT-DRAFT-" + dealId);
    variables.put("contractSummary", summary.toString());
    variables.put("contractDraft", markdown(contract));
    variables.put("agentContract", JSON.convertValue(contract, Object.class));
    variables.put("agentConfidence", done.confidence());
    variables.put("agentReasons", done.reasons());
    return variables;
  }

  /** The contract as Markdown: title, parties, one section per clause with its source. */
  static String markdown(final JsonNode contract) {
    final StringBuilder text = new StringBuilder();
    text.append("# ").append(contract.get("title").asText()).append("\n\n");
    text.append("Seller: ").append(contract.get("seller").asText()).append("  \n");
    text.append("Buyer: ").append(contract.get("buyer").asText()).append("\n");
    int n = 1;
    for (final JsonNode clause : contract.get("clauses")) {
      text.append("\n## ")
          .append(n++)
          .append(". ")
          .append(clause.get("heading").asText())
          .append("\n\n")
          .append(clause.get("text").asText())
          .append("\n\n_Source: ")
          .append(clause.get("citation").asText())
          .append("_\n");
    }
    return text.toString();
  }

  static String caseText(final JsonNode facts) {
    try {
      return "Approved deal:\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(facts);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a schema-valid draft gets wrong about the deal and the library. */
  List<String> problems(final JsonNode draft, final JsonNode deal) {
    final List<String> problems = new ArrayList<>();
    final String counterparty = deal.path("counterpartyName").asText();
    final String party = "SELL".equals(deal.path("direction").asText()) ? "buyer" : "seller";
    if (!counterparty.isBlank() && !draft.path(party).asText().contains(counterparty)) {
      problems.add("the " + party + " must be the counterparty " + counterparty);
    }
    final Map<String, StringBuilder> byDocument = new LinkedHashMap<>();
    for (final JsonNode clause : draft.path("clauses")) {
      final String citation = clause.path("citation").asText();
      final String document = citation.substring(citation.indexOf('/') + 1);
      if (!library.has("clauses", document)) {
        problems.add("cites " + citation + ", which the clause library does not have");
      }
      byDocument
          .computeIfAbsent(document, d -> new StringBuilder())
          .append(' ')
          .append(clause.path("text").asText());
    }
    final Set<String> required =
        new LinkedHashSet<>(
            List.of(
                "payables", "treatment-and-refining-charges", "assays-and-umpire", "sanctions"));
    if ("QP".equals(deal.path("pricing").path("basis").asText())) {
      required.add("quotational-period");
    }
    for (final String document : required) {
      if (!byDocument.containsKey(document)) {
        problems.add("has no clause based on clauses/" + document);
      }
    }
    final JsonNode terms = deal.path("terms");
    for (final JsonNode payable : terms.path("payables")) {
      requireFigure(
          problems, byDocument, "payables", payable.path("payablePct"), "payable percentage");
    }
    requireFigure(
        problems,
        byDocument,
        "treatment-and-refining-charges",
        terms.path("treatmentCharge").path("usdPerDmt"),
        "treatment charge");
    return problems;
  }

  private static void requireFigure(
      final List<String> problems,
      final Map<String, StringBuilder> byDocument,
      final String document,
      final JsonNode figure,
      final String what) {
    if (!figure.isNumber() || !byDocument.containsKey(document)) {
      return;
    }
    final BigDecimal expected = figure.decimalValue();
    final Matcher numbers = NUMBER.matcher(byDocument.get(document));
    while (numbers.find()) {
      try {
        if (new BigDecimal(numbers.group().replace(",", "")).compareTo(expected) == 0) {
          return;
        }
      } catch (final NumberFormatException e) {
        // not a plain number (e.g. a date); keep looking
      }
    }
    problems.add(
        "the "
            + what
            + " "
            + expected.stripTrailingZeros().toPlainString()
            + " of the deal is not in its clause");
  }
}
