package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class IssuerModeTest {
  static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

  @Test
  void embeddedModeWithoutExternalIssuerIssuesItsOwnTokens() {
    final MockEnvironment environment = new MockEnvironment();

    assertThat(IssuerMode.external(environment)).isFalse();
    assertThat(IssuerMode.local(environment)).isTrue();
  }

  @Test
  void anExternalIssuerReplacesTheOwnOneInEitherMode() {
    final MockEnvironment embedded = new MockEnvironment().withProperty(JWK_SET_URI, "http://x");
    final MockEnvironment cluster =
        new MockEnvironment()
            .withProperty("camunda.client.grpc-address", "https://zeebe.example.com")
            .withProperty(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "https://keycloak.example.com/realms/openmineral");

    assertThat(IssuerMode.external(embedded)).isTrue();
    assertThat(IssuerMode.local(embedded)).isFalse();
    assertThat(IssuerMode.external(cluster)).isTrue();
    assertThat(IssuerMode.local(cluster)).isFalse();
  }

  @Test
  void clusterModeIssuesOwnTokensOnlyWhenAskedTo() {
    final MockEnvironment cluster =
        new MockEnvironment().withProperty("openmineral.engine.mode", "cluster");
    final MockEnvironment asked =
        new MockEnvironment()
            .withProperty("openmineral.engine.mode", "cluster")
            .withProperty("openmineral.security.local-issuer", "true");

    assertThat(IssuerMode.local(cluster)).isFalse();
    assertThat(IssuerMode.external(cluster)).isFalse();
    assertThat(IssuerMode.local(asked)).isTrue();
  }

  @Test
  void clusterModeWithoutAnyIssuerRefusesToStartAndSaysWhatToSet() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .withUserConfiguration(Properties.class, SecurityConfiguration.class)
        .withPropertyValues("openmineral.engine.mode=cluster")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Cluster mode needs an external token issuer")
                    .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SecurityProperties.class)
  static class Properties {}
}
