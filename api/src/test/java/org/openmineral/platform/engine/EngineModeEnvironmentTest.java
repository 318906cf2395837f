package org.openmineral.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EngineModeEnvironmentTest {

  private static StandardEnvironment environment(final Map<String, Object> properties) {
    final StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
    return environment;
  }

  @Test
  void withoutClusterSettingsTheEmbeddedEngineRunsAndTheClientPointsAtIt() {
    // given
    final StandardEnvironment environment = environment(Map.of("openmineral.engine.port", "26777"));

    // when
    new EngineModeEnvironment().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(EngineModeEnvironment.embedded(environment)).isTrue();
    assertThat(environment.getProperty("camunda.client.grpc-address"))
        .isEqualTo("http://127.0.0.1:26777");
    assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("false");
  }

  @Test
  void aGatewayAddressSelectsClusterModeAndIsLeftAlone() {
    final StandardEnvironment environment =
        environment(Map.of("camunda.client.grpc-address", "https://zeebe.example.com:443"));

    new EngineModeEnvironment().postProcessEnvironment(environment, new SpringApplication());

    assertThat(EngineModeEnvironment.embedded(environment)).isFalse();
    assertThat(environment.getProperty("camunda.client.grpc-address"))
        .isEqualTo("https://zeebe.example.com:443");
  }

  @Test
  void clusterSettingsAsEnvironmentVariablesCountToo() {
    final StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("CAMUNDA_CLIENT_CLOUD_CLUSTERID", "a1b2c3")));

    assertThat(EngineModeEnvironment.embedded(environment)).isFalse();
  }

  @Test
  void explicitEmbeddedModeWinsOverClusterSettings() {
    final StandardEnvironment environment =
        environment(
            Map.of(
                "openmineral.engine.mode", "embedded",
                "camunda.client.grpc-address", "https://zeebe.example.com:443"));

    assertThat(EngineModeEnvironment.embedded(environment)).isTrue();
  }

  @Test
  void unknownModeIsRefusedWithTheAllowedValues() {
    final StandardEnvironment environment = environment(Map.of("openmineral.engine.mode", "local"));

    assertThatThrownBy(() -> EngineModeEnvironment.embedded(environment))
        .hasMessageContaining("auto, embedded or cluster")
        .hasMessageContaining("local");
  }
}
