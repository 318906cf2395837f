package org.openmineral.copilot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmineral.domain.predeal.PreDealAnalysis;
import org.openmineral.marketdata.PreDealAnalyses;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.pricing.ValuationRequest;
import org.openmineral.workers.agent.AgentOutcome;
import org.openmineral.workers.agent.AgentResultSchema;
import org.openmineral.workers.agent.AgentRunner;
import org.openmineral.workers.agent.AgentSpec;
import org.openmineral.workers.agent.AgentTask;
import org.openmineral.workers.agent.ReferenceLibrary;
import org.openmineral.workers.agent.ReferenceTools;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/copilot/pre-deal-brief}: the agent {@code agent.pre-deal-brief} writes a
 * trader's brief on a proposed deal from the market-data pre-deal analysis (computed by the
 * application, not the model) and the clause library ({@code search_reference}). The answer has the
 * analysis and either the validated brief ({@code outcome: BRIEF}) or the escalation ({@code
 * outcome: ESCALATED}, with cause, reason and draft): a person then writes the brief. Without a
 * model: 503 problem+json, after the deal is checked.
 */
@RestController
@RequestMapping("/api/copilot")
class PreDealBriefController {
  static final String AGENT = "agent.pre-deal-brief";
  private static final Pattern CONVERSATION = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  static final String INSTRUCTIONS =
      """
      You brief a physical concentrates trader before they commit to a deal. The user message \
      has the proposed deal and the market-data pre-deal analysis computed by the desk's models \
      (trend, annualised volatility, forecast, expected QP average with its band, NSR sensitivity \
      to price moves). Use those figures as given, never invent others. Search the clause library \
      with search_reference for the terms worth negotiating (quotational period, payables, TC/RC, \
      penalties, assays) and cite each suggested term by the citation the tool returned \
      (collection/document). Recommend PROCEED, PROCEED_WITH_CONDITIONS or RECONSIDER.""";

  private final PreDealAnalyses analyses;
  private final AgentRunner runner;
  private final ReferenceTools reference;
  private final ReferenceLibrary library;
  private final AgentResultSchema schema = AgentResultSchema.load("pre-deal-brief");

  PreDealBriefController(
      final PreDealAnalyses analyses,
      final AgentRunner runner,
      final ReferenceTools reference,
      final ReferenceLibrary library) {
    this.analyses = analyses;
    this.runner = runner;
    this.reference = reference;
    this.library = library;
  }

  /** The proposed deal as for the pre-deal analysis, and an optional conversation id. */
  record BriefRequest(
      String metal,
      String series,
      String qpFirst,
      String qpLast,
      ValuationRequest valuation,
      String conversationId) {}

  @PostMapping("/pre-deal-brief")
  Map<String, Object> brief(
      @RequestBody(required = false) final BriefRequest request, final Authentication user) {
    if (request == null) {
      throw new InvalidRequestField("metal", "the proposed deal is needed");
    }
    final String conversation =
        request.conversationId() == null ? UUID.randomUUID().toString() : request.conversationId();
    if (!CONVERSATION.matcher(conversation).matches()) {
      throw new InvalidRequestField(
          "conversationId", "1 to 64 letters, digits or hyphens (e.g. a UUID)");
    }
    final PreDealAnalysis analysis =
        analyses.analyse(
            new PreDealAnalyses.Request(
                request.metal(),
                request.series(),
                request.qpFirst(),
                request.qpLast(),
                request.valuation(),
                null,
                null));
    final AgentTask task = AgentTask.forUser(AGENT, conversation, user.getName());
    final AgentOutcome outcome =
        runner.run(
            new AgentSpec(
                INSTRUCTIONS,
                input(request, analysis),
                List.of(reference.searchReference()),
                schema,
                answer -> citationProblems(answer)),
            task);
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("conversationId", conversation);
    answer.put("analysis", analysis);
    switch (outcome) {
      case AgentOutcome.Completed done -> {
        answer.put("outcome", "BRIEF");
        answer.put("brief", done.result());
      }
      case AgentOutcome.Escalated escalated -> {
        if (escalated.cause() == org.openmineral.workers.agent.EscalationCause.NO_MODEL) {
          throw new CopilotController.NoModel();
        }
        answer.put("outcome", "ESCALATED");
        answer.put("cause", escalated.cause());
        answer.put("reason", escalated.reason());
        answer.put("draft", escalated.draft());
      }
    }
    return answer;
  }

  /** Citations must name passages the library has. */
  private List<String> citationProblems(final com.fasterxml.jackson.databind.JsonNode answer) {
    final java.util.ArrayList<String> problems = new java.util.ArrayList<>();
    answer
        .path("suggestedTerms")
        .forEach(
            term -> {
              final String citation = term.path("citation").asText();
              final String[] document = citation.replaceFirst("[ (].*$", "").split("/", 2);
              if (document.length < 2 || !library.has(document[0], document[1].strip())) {
                problems.add("cites " + citation + ", which the clause library does not have");
              }
            });
    return problems;
  }

  private static String input(final BriefRequest request, final PreDealAnalysis analysis) {
    final Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(
        "proposedDeal",
        Map.of(
            "metal", request.metal(),
            "qpFirst", request.qpFirst(),
            "qpLast", request.qpLast() == null ? request.qpFirst() : request.qpLast()));
    facts.put("terms", request.valuation());
    facts.put("preDealAnalysis", analysis);
    try {
      return "Proposed deal and analysis:\n"
          + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(facts);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ExceptionHandler(CopilotController.NoModel.class)
  ProblemDetail noModel(final CopilotController.NoModel e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "No language model is configured (openmineral.agents.provider is none or incomplete):"
                + " the pre-deal brief is unavailable; the pre-deal analysis is at"
                + " POST /api/market-data/pre-deal-analysis.");
    problem.setType(CopilotController.NO_MODEL);
    problem.setTitle("No model configured");
    return problem;
  }
}
