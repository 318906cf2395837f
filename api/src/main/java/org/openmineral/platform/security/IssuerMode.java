package org.openmineral.platform.security;

import java.util.List;
import org.openmineral.platform.engine.EngineModeEnvironment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where the tokens come from. An external issuer (Keycloak, Entra ID, Camunda Identity…) as soon as
 * one of Spring Boot's standard {@code spring.security.oauth2.resourceserver.jwt.*} key settings is
 * given; otherwise the application issues them itself, in embedded mode always and in cluster mode
 * only if {@code openmineral.security.local-issuer=true}. Cluster mode with neither does not start.
 */
public final class IssuerMode {
  static final List<String> EXTERNAL_ISSUER_SETTINGS =
      List.of(
          "spring.security.oauth2.resourceserver.jwt.issuer-uri",
          "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
          "spring.security.oauth2.resourceserver.jwt.public-key-location");

  private IssuerMode() {}

  /** Whether tokens are checked against an external issuer's keys. */
  public static boolean external(final Environment environment) {
    final Binder binder = Binder.get(environment);
    return EXTERNAL_ISSUER_SETTINGS.stream()
        .anyMatch(key -> binder.bind(key, String.class).map(v -> !v.isBlank()).orElse(false));
  }

  /** Whether the application issues its own tokens. */
  public static boolean local(final ConfigurableEnvironment environment) {
    return !external(environment)
        && (EngineModeEnvironment.embedded(environment)
            || Binder.get(environment)
                .bind("openmineral.security.local-issuer", Boolean.class)
                .orElse(false));
  }

  /** Matches when the application issues its own tokens. */
  static final class Local implements Condition {
    @Override
    public boolean matches(final ConditionContext context, final AnnotatedTypeMetadata metadata) {
      return local((ConfigurableEnvironment) context.getEnvironment());
    }
  }
}
