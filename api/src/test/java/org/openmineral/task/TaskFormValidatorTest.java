package org.openmineral.task;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmineral.platform.web.InvalidRequestField;

/**
 * Completions checked against the real hedge approval form, whose lots and rejection reason are
 * required only when the decision shows them ({@code conditional.hide}).
 */
class TaskFormValidatorTest {
  private static final JsonNode FORM = read("hedge-approval.form");

  @Test
  void aFieldTheDecisionHidesIsNotRequired() {
    assertThatCode(
            () -> TaskFormValidator.validate(FORM, Map.of("hedgeDecision", "APPROVE"), Map.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void aFieldTheDecisionShowsIsRequiredAndChecked() {
    assertThatThrownBy(
            () -> TaskFormValidator.validate(FORM, Map.of("hedgeDecision", "ADJUST"), Map.of()))
        .isInstanceOfSatisfying(
            InvalidRequestField.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("approvedLots"));
    assertThatThrownBy(
            () ->
                TaskFormValidator.validate(
                    FORM, Map.of("hedgeDecision", "ADJUST", "approvedLots", 0), Map.of()))
        .isInstanceOfSatisfying(
            InvalidRequestField.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("approvedLots"));
    assertThatThrownBy(
            () -> TaskFormValidator.validate(FORM, Map.of("hedgeDecision", "REJECT"), Map.of()))
        .isInstanceOfSatisfying(
            InvalidRequestField.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.field())
                    .isEqualTo("hedgeRejectionReason"));
    assertThatCode(
            () ->
                TaskFormValidator.validate(
                    FORM, Map.of("hedgeDecision", "ADJUST", "approvedLots", 3), Map.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void theTasksOwnVariablesTakePartInTheConditions() {
    // the decision was saved on the task earlier; the completion only adds the lots
    assertThatThrownBy(
            () ->
                TaskFormValidator.validate(
                    FORM, Map.of("hedgeDecision", "ADJUST"), Map.of("hedgeDecision", "APPROVE")))
        .isInstanceOf(InvalidRequestField.class);
  }

  private static JsonNode read(final String form) {
    try {
      return new ObjectMapper().readTree(Path.of("..", "forms", form).toFile());
    } catch (final java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
