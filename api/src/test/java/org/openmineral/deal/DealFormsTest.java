package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The trade lifecycle's forms against the process: every user task links a form that exists, each
 * form's read-only fields (and texts) show variables the running process has when the task is
 * created, and each decision's options cover the values the gateways test.
 */
class DealFormsTest extends DealProcessSupport {
  private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*=\\s*\"(\\w+)\"");
  private static final Set<String> FORMS =
      Set.of("deal-approval", "contract-draft", "legal-review", "logistics-delay");

  private BpmnModelInstance model;
  private Map<String, JsonNode> forms;

  @BeforeEach
  void readModelAndForms() throws IOException {
    final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try (InputStream in =
        resolver.getResource("classpath:bpmn/trade-lifecycle.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    forms = new TreeMap<>();
    for (final Resource form : resolver.getResources("classpath*:forms/*.form")) {
      final String id = form.getFilename().replace(".form", "");
      if (FORMS.contains(id)) {
        forms.put(id, json.readTree(form.getContentAsByteArray()));
      }
    }
  }

  @Test
  void everyUserTaskLinksAFormWhoseIdIsItsFileName() {
    final Map<String, String> linked = new TreeMap<>();
    for (final UserTask task : model.getModelElementsByType(UserTask.class)) {
      linked.put(
          task.getId(),
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(ZeebeFormDefinition.class)
              .singleResult()
              .getFormId());
    }
    assertThat(linked)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "approve-deal", "deal-approval",
                "reapprove-amendment", "deal-approval",
                "draft-contract-manually", "contract-draft",
                "legal-review", "legal-review",
                "resolve-delay", "logistics-delay"));
    assertThat(forms).containsOnlyKeys(FORMS);
    forms.forEach((id, form) -> assertThat(form.get("id").asText()).isEqualTo(id));
  }

  @Test
  void formsShowVariablesTheProcessHasAndAskWhatItsGatewaysTest() {
    // given a deal whose logistics deadline passes a day after execution starts
    final String counterparty = approvedCounterparty("Forms Copper SA", 10_000_000);
    final Map<String, Object> body = dealBody(counterparty, 1000, 1_000_000);
    body.put("logisticsDeadline", "P1D");
    final JsonNode deal = capture("trader", body);
    final String dealId = deal.get("id").asText();
    final long instance = Long.parseLong(deal.get("processInstanceKey").asText());

    // approval, then an amendment's re-approval
    final long approval = awaitUserTask(instance, "approve-deal");
    assertShowsKnownVariables("deal-approval", instance);
    assertThat(
            send(
                    "desk-head",
                    "PATCH",
                    "/api/deals/" + dealId,
                    Map.of("moisturePct", 7),
                    Map.of("If-Match", "\"0\""))
                .status())
        .isEqualTo(200);
    final long reapproval = awaitUserTask(instance, "reapprove-amendment");
    assertShowsKnownVariables("deal-approval", instance);
    assertThat(complete("risk", reapproval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);

    // drafting and legal review
    final long draft = awaitUserTask(instance, "draft-contract-manually");
    assertShowsKnownVariables("contract-draft", instance);
    assertThat(
            complete(
                    "legal",
                    draft,
                    Map.of("contractReference", "C-9", "contractSummary", "Standard terms"))
                .status())
        .isEqualTo(204);
    final long review = awaitUserTask(instance, "legal-review");
    assertShowsKnownVariables("legal-review", instance);
    assertThat(
            complete("legal", review, Map.of("legalDecision", "CLEAR", "legalComment", "Fine"))
                .status())
        .isEqualTo(204);

    // the logistics escalation
    awaitDeal(dealId, d -> d.status().equals("IN_EXECUTION"));
    engine.increaseTime(Duration.ofDays(2));
    final long delay = awaitUserTask(instance, "resolve-delay");
    assertShowsKnownVariables("logistics-delay", instance);

    // the decisions' options cover what the gateways test
    assertThat(options("deal-approval", "approvalDecision"))
        .containsAll(tested("approvalDecision"));
    assertThat(options("deal-approval", "approvalDecision"))
        .containsAll(tested("amendmentDecision"));
    assertThat(options("legal-review", "legalDecision")).containsAll(tested("legalDecision"));
    assertThat(options("logistics-delay", "logisticsResolution"))
        .containsAll(tested("logisticsResolution"));
    assertThat(
            complete(
                    "operations",
                    delay,
                    Map.of("logisticsResolution", "CANCEL", "logisticsComment", "Form test over"))
                .status())
        .isEqualTo(204);
    await(instanceCompleted(instance));
  }

  private void assertShowsKnownVariables(final String formId, final long instance) {
    final Set<String> shown = new TreeSet<>();
    for (final JsonNode field : fields(forms.get(formId))) {
      // a field the form hides when its variable is absent may be absent
      if (field.path("readonly").asBoolean()
          && field.has("key")
          && !field.path("conditional").has("hide")) {
        shown.add(field.get("key").asText());
      }
      if (field.path("type").asText().equals("text")
          && field.path("text").asText().startsWith("=")) {
        shown.addAll(referencedVariables(field.get("text").asText().substring(1)));
      }
    }
    assertThat(shown).isNotEmpty();
    assertThat(variables(instance).keySet()).as(formId).containsAll(shown);
  }

  /** FEEL names that are not variables: keywords, literals and the functions the forms call. */
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "if",
          "then",
          "else",
          "and",
          "or",
          "not",
          "null",
          "true",
          "false",
          "in",
          "some",
          "every",
          "satisfies",
          "for",
          "return",
          "between",
          "instance",
          "of",
          "count",
          "string",
          "join");

  /**
   * The variables a FEEL expression of a text view reads: its names outside string literals, less
   * FEEL's words and the functions it calls ({@code agentReasons} in {@code if agentReasons != null
   * then string join(agentReasons, "; ") else "none"}).
   */
  static Set<String> referencedVariables(final String expression) {
    final String code = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
    final Set<String> names = new TreeSet<>();
    final java.util.regex.Matcher name =
        Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b(?!\\s*\\()").matcher(code);
    while (name.find()) {
      if (!FEEL_WORDS.contains(name.group())) {
        names.add(name.group());
      }
    }
    return names;
  }

  private List<String> options(final String formId, final String key) {
    final List<String> options = new ArrayList<>();
    for (final JsonNode field : fields(forms.get(formId))) {
      if (key.equals(field.path("key").asText())) {
        field.path("values").forEach(v -> options.add(v.get("value").asText()));
      }
    }
    return options;
  }

  private Set<String> tested(final String variable) {
    final Set<String> tested = new TreeSet<>();
    for (final ConditionExpression condition :
        model.getModelElementsByType(ConditionExpression.class)) {
      final Matcher m = CONDITION.matcher(condition.getTextContent());
      while (m.find()) {
        if (m.group(1).equals(variable)) {
          tested.add(m.group(2));
        }
      }
    }
    assertThat(tested).as(variable).isNotEmpty();
    return tested;
  }

  private static List<JsonNode> fields(final JsonNode container) {
    final List<JsonNode> all = new ArrayList<>();
    container
        .path("components")
        .forEach(
            c -> {
              all.add(c);
              all.addAll(fields(c));
            });
    return all;
  }
}
