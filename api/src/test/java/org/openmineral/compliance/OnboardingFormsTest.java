package org.openmineral.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The onboarding forms against the process: each user task links a form that exists, the read-only
 * fields show variables the process really has when the task is created, and the fields a person
 * fills in carry the values the process's conditions test.
 */
class OnboardingFormsTest extends OnboardingProcessSupport {
  private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*=\\s*\"(\\w+)\"");

  private BpmnModelInstance model;
  private Map<String, JsonNode> forms;

  @BeforeEach
  void readModelAndForms() throws IOException {
    final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try (InputStream in =
        resolver.getResource("classpath:bpmn/counterparty-onboarding.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    forms = new TreeMap<>();
    for (final Resource form : resolver.getResources("classpath*:forms/kyc-*.form")) {
      forms.put(form.getFilename(), json.readTree(form.getContentAsByteArray()));
    }
  }

  @Test
  void everyUserTaskLinksAFormWhoseIdIsItsFileNameAndEveryKycFormIsLinked() {
    final Map<String, String> linked = linkedForms();

    assertThat(linked)
        .containsOnlyKeys("review-hits", "compliance-decision")
        .containsEntry("review-hits", "kyc-screening-review")
        .containsEntry("compliance-decision", "kyc-compliance-decision");
    assertThat(forms.keySet())
        .containsExactlyInAnyOrderElementsOf(
            linked.values().stream().map(id -> id + ".form").toList());
    forms.forEach(
        (file, form) -> assertThat(form.get("id").asText() + ".form").as(file).isEqualTo(file));
  }

  @Test
  void formFieldsAreTheVariablesTheProcessHasAndReads() {
    final long instance =
        start(
            newCounterparty("Banco Nacional de Cuba", "ENTITY", "CU", List.of("Juan Perez"), true));

    final long review = awaitUserTask(instance, "review-hits");
    final JsonNode reviewForm = forms.get("kyc-screening-review.form");
    assertThat(variables(instance).keySet()).containsAll(shown(reviewForm));
    final Map<String, Object> reviewed = filledIn(reviewForm, Map.of());
    assertThat(reviewed).containsOnlyKeys("hitsReviewOutcome", "hitsReviewNotes");
    userTasks.complete(review, reviewed);

    final long decision = awaitUserTask(instance, "compliance-decision");
    final JsonNode decisionForm = forms.get("kyc-compliance-decision.form");
    assertThat(variables(instance).keySet()).containsAll(shown(decisionForm));

    final Map<String, Set<String>> tested = conditionLiterals();
    final Map<String, JsonNode> editable = editableFields(decisionForm);
    assertThat(tested).containsKey("complianceDecision");
    assertThat(editable).containsKey("complianceDecision");
    assertThat(optionValues(editable.get("complianceDecision")))
        .as("decision options cover what the gateway tests")
        .containsAll(tested.get("complianceDecision"));
    tested.keySet().stream()
        .filter(editable::containsKey)
        .forEach(
            variable ->
                assertThat(editable.get(variable).at("/validate/required").asBoolean())
                    .as(variable + " is required")
                    .isTrue());

    userTasks.complete(decision, filledIn(decisionForm, Map.of("complianceDecision", "APPROVE")));
    await(elementCompleted(instance, "onboarded"));
    client
        .newPublishMessageCommand()
        .messageName("counterparty-offboarded")
        .correlationKey(variables(instance).get("counterpartyId").asText())
        .send()
        .join();
    await(instanceCompleted(instance));
  }

  private Map<String, String> linkedForms() {
    final Map<String, String> linked = new TreeMap<>();
    for (final UserTask task : model.getModelElementsByType(UserTask.class)) {
      final ZeebeFormDefinition form =
          task.getExtensionElements() == null
              ? null
              : task.getExtensionElements()
                  .getElementsQuery()
                  .filterByType(ZeebeFormDefinition.class)
                  .singleResult();
      linked.put(task.getId(), form == null ? null : form.getFormId());
    }
    return linked;
  }

  /** Variables tested against string literals in the model's conditions, with the literals. */
  private Map<String, Set<String>> conditionLiterals() {
    final Map<String, Set<String>> literals = new TreeMap<>();
    for (final ConditionExpression condition :
        model.getModelElementsByType(ConditionExpression.class)) {
      final Matcher m = CONDITION.matcher(condition.getTextContent());
      while (m.find()) {
        literals.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return literals;
  }

  /** The variables a form shows: read-only field keys and table data sources. */
  private static Set<String> shown(final JsonNode form) {
    final Set<String> shown = new TreeSet<>();
    for (final JsonNode field : fields(form)) {
      if (field.has("key") && field.path("readonly").asBoolean()) {
        shown.add(field.get("key").asText());
      }
      if (field.has("dataSource")) {
        shown.add(field.get("dataSource").asText().replaceFirst("^=", ""));
      }
    }
    return shown;
  }

  private static Map<String, JsonNode> editableFields(final JsonNode form) {
    final Map<String, JsonNode> editable = new LinkedHashMap<>();
    for (final JsonNode field : fields(form)) {
      if (field.has("key") && !field.path("readonly").asBoolean()) {
        editable.put(field.get("key").asText(), field);
      }
    }
    return editable;
  }

  /** What a person submits: the given choices, else the first option or a valid text. */
  private static Map<String, Object> filledIn(
      final JsonNode form, final Map<String, String> choices) {
    final Map<String, Object> values = new LinkedHashMap<>();
    editableFields(form)
        .forEach(
            (key, field) -> {
              final List<String> options = optionValues(field);
              if (choices.containsKey(key)) {
                assertThat(options).contains(choices.get(key));
                values.put(key, choices.get(key));
              } else if (!options.isEmpty()) {
                values.put(key, options.get(0));
              } else {
                values.put(key, "Checked against the registry extract.");
              }
            });
    return values;
  }

  private static List<String> optionValues(final JsonNode field) {
    final List<String> values = new ArrayList<>();
    field.path("values").forEach(v -> values.add(v.get("value").asText()));
    return values;
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
