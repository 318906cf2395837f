package org.openmineral.platform.engine;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the embedded engine runs (see {@link EngineModeEnvironment}). */
public final class EmbeddedEngineMode implements Condition {
  @Override
  public boolean matches(final ConditionContext context, final AnnotatedTypeMetadata metadata) {
    return EngineModeEnvironment.embedded((ConfigurableEnvironment) context.getEnvironment());
  }

  /** Matches when a Camunda cluster is used instead. */
  public static final class Cluster implements Condition {
    @Override
    public boolean matches(final ConditionContext context, final AnnotatedTypeMetadata metadata) {
      return !EngineModeEnvironment.embedded((ConfigurableEnvironment) context.getEnvironment());
    }
  }
}
