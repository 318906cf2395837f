package org.openmineral.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.openmineral.platform.web.InvalidRequestField;

/**
 * Checks the variables that complete a task against its form (form-js schema), as the form would in
 * the browser. Input fields are the components with a {@code key} that are neither {@code readonly}
 * nor {@code disabled}, in groups too; only they may be submitted. Checked: {@code
 * validate.required}; {@code select}/{@code radio} values among the static {@code values} (and each
 * element of {@code checklist}/{@code taglist}); {@code number} numeric and within {@code
 * validate.min}/{@code max}; {@code textfield}/{@code textarea} strings within {@code
 * validate.minLength}/{@code maxLength} and matching {@code validate.pattern}; {@code checkbox} a
 * boolean. A field whose {@code conditional.hide} FEEL expression is true for the task's variables
 * overlaid with the submitted ones is hidden, as form-js hides it: not required and not checked (an
 * expression that does not evaluate leaves the field shown). Not evaluated: {@code
 * valuesExpression}, values from {@code valuesKey}, which then are not restricted.
 */
public final class TaskFormValidator {
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  private TaskFormValidator() {}

  /** Throws {@link InvalidRequestField} for the first field in error, in the form's order. */
  public static void validate(final JsonNode form, final Map<String, Object> variables) {
    validate(form, variables, Map.of());
  }

  /**
   * As {@link #validate(JsonNode, Map)}, with the task's current variables for the fields' show and
   * hide conditions.
   */
  public static void validate(
      final JsonNode form,
      final Map<String, Object> variables,
      final Map<String, Object> taskVariables) {
    final Map<String, Object> data = new java.util.HashMap<>();
    if (taskVariables != null) {
      data.putAll(taskVariables);
    }
    data.putAll(variables);
    final Map<String, JsonNode> inputs = new LinkedHashMap<>();
    final List<String> readOnly = new ArrayList<>();
    collect(form.path("components"), inputs, readOnly);
    for (final String key : variables.keySet()) {
      if (!inputs.containsKey(key)) {
        throw new InvalidRequestField(
            key,
            readOnly.contains(key)
                ? "is read-only in the task's form"
                : "is not a field of the task's form (fields: " + inputs.keySet() + ")");
      }
    }
    for (final Map.Entry<String, JsonNode> input : inputs.entrySet()) {
      if (!hidden(input.getValue(), data)) {
        check(input.getKey(), input.getValue(), variables.get(input.getKey()));
      }
    }
  }

  /** Whether the field's {@code conditional.hide} expression is true for {@code data}. */
  static boolean hidden(final JsonNode field, final Map<String, Object> data) {
    final String hide = field.path("conditional").path("hide").asText("");
    if (hide.isBlank()) {
      return false;
    }
    final String expression = hide.startsWith("=") ? hide.substring(1) : hide;
    final EvaluationResult result = FEEL.evaluateExpression(expression, data);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  private static void collect(
      final JsonNode components, final Map<String, JsonNode> inputs, final List<String> readOnly) {
    for (final JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), inputs, readOnly);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      final String type = component.path("type").asText();
      if (type.equals("table") || type.equals("text") || type.equals("html")) {
        continue;
      }
      if (component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        readOnly.add(component.get("key").asText());
      } else {
        inputs.put(component.get("key").asText(), component);
      }
    }
  }

  private static void check(final String key, final JsonNode field, final Object value) {
    final JsonNode validate = field.path("validate");
    final boolean empty =
        value == null
            || (value instanceof String text && text.isBlank())
            || (value instanceof List<?> list && list.isEmpty());
    if (empty) {
      if (validate.path("required").asBoolean(false)) {
        throw new InvalidRequestField(key, "is required");
      }
      return;
    }
    final String type = field.path("type").asText();
    switch (type) {
      case "number" -> {
        if (!(value instanceof Number number)) {
          throw new InvalidRequestField(key, "must be a number");
        }
        if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
          throw new InvalidRequestField(key, "must be at least " + validate.get("min").asText());
        }
        if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
          throw new InvalidRequestField(key, "must be at most " + validate.get("max").asText());
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw new InvalidRequestField(key, "must be true or false");
        }
      }
      case "select", "radio" -> allowed(key, field, value);
      case "checklist", "taglist" -> {
        if (!(value instanceof List<?> list)) {
          throw new InvalidRequestField(key, "must be a list");
        }
        for (final Object element : list) {
          allowed(key, field, element);
        }
      }
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          throw new InvalidRequestField(key, "must be a string");
        }
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
          throw new InvalidRequestField(
              key, "must be at least " + validate.get("minLength").asInt() + " characters");
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
          throw new InvalidRequestField(
              key, "must be at most " + validate.get("maxLength").asInt() + " characters");
        }
        if (validate.hasNonNull("pattern")
            && !Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
          throw new InvalidRequestField(key, "does not match " + validate.get("pattern").asText());
        }
      }
      default -> {}
    }
  }

  private static void allowed(final String key, final JsonNode field, final Object value) {
    final JsonNode values = field.get("values");
    if (values == null || !values.isArray()) {
      return; // values from a variable or an expression: not checked here
    }
    final List<String> options = new ArrayList<>();
    for (final JsonNode option : values) {
      options.add(option.path("value").asText());
    }
    if (value == null || !options.contains(value.toString())) {
      throw new InvalidRequestField(key, "must be one of " + options);
    }
  }
}
