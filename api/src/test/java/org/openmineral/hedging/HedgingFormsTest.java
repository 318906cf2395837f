package org.openmineral.hedging;

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
 * The hedging form against the process: the user task links a form that exists, its read-only
 * fields show variables the process has when the task is created, and the decision's options cover
 * what the gateway and {@code hedge.record} test.
 */
class HedgingFormsTest extends HedgingProcessSupport {
  private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*=\\s*\"(\\w+)\"");

  private BpmnModelInstance model;
  private Map<String, JsonNode> forms;

  @BeforeEach
  void readModelAndForms() throws IOException {
    final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try (InputStream in = resolver.getResource("classpath:bpmn/hedging.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    forms = new TreeMap<>();
    for (final Resource form : resolver.getResources("classpath*:forms/hedge-*.form")) {
      forms.put(form.getFilename(), json.readTree(form.getContentAsByteArray()));
    }
  }

  @Test
  void theUserTaskLinksTheApprovalFormWhoseIdIsItsFileName() {
    final Map<String, String> linked = new TreeMap<>();
    for (final UserTask task : model.getModelElementsByType(UserTask.class)) {
      final ZeebeFormDefinition form =
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(ZeebeFormDefinition.class)
              .singleResult();
      linked.put(task.getId(), form.getFormId());
    }
    assertThat(linked).containsExactly(Map.entry("approve-hedge", "hedge-approval"));
    assertThat(forms).containsOnlyKeys("hedge-approval.form");
    assertThat(forms.get("hedge-approval.form").get("id").asText()).isEqualTo("hedge-approval");
  }

  @Test
  void formFieldsAreTheVariablesTheProcessHasAndReads() {
    final JsonNode form = forms.get("hedge-approval.form");
    final long instance = start(leg(newDealId(), "Cu", "PURCHASE", 1000, fixedOn(today())));
    final long task = awaitUserTask(instance, "approve-hedge");

    final Set<String> shown = new TreeSet<>();
    final Map<String, JsonNode> editable = new TreeMap<>();
    for (final JsonNode field : fields(form)) {
      if (field.has("key")) {
        if (field.path("readonly").asBoolean()) {
          shown.add(field.get("key").asText());
        } else {
          editable.put(field.get("key").asText(), field);
        }
      }
    }
    assertThat(variables(instance).keySet()).containsAll(shown);
    assertThat(editable).containsOnlyKeys("hedgeDecision", "approvedLots", "hedgeRejectionReason");
    editable.forEach(
        (key, field) ->
            assertThat(field.at("/validate/required").asBoolean()).as(key + " required").isTrue());
    final List<String> options = new ArrayList<>();
    editable.get("hedgeDecision").path("values").forEach(v -> options.add(v.get("value").asText()));
    assertThat(options).containsExactly("APPROVE", "ADJUST", "REJECT");
    final Set<String> tested = new TreeSet<>();
    for (final ConditionExpression condition :
        model.getModelElementsByType(ConditionExpression.class)) {
      final Matcher m = CONDITION.matcher(condition.getTextContent());
      while (m.find()) {
        if (m.group(1).equals("hedgeDecision")) {
          tested.add(m.group(2));
        }
      }
    }
    assertThat(options).containsAll(tested).contains("ADJUST");
    assertThat(editable.get("approvedLots").at("/conditional/hide").asText())
        .isEqualTo("=hedgeDecision != \"ADJUST\"");
    assertThat(editable.get("hedgeRejectionReason").at("/conditional/hide").asText())
        .isEqualTo("=hedgeDecision != \"REJECT\"");

    userTasks.complete(
        task, Map.of("hedgeDecision", "REJECT", "hedgeRejectionReason", "Form test: no hedge."));
    await(instanceCompleted(instance));
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
