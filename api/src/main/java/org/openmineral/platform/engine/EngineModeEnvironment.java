package org.openmineral.platform.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmineral.engine.EmbeddedEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Decides, before any bean exists, whether this run uses the embedded engine or a Camunda cluster,
 * and in embedded mode points the standard {@code camunda.client.*} settings at it. So the same
 * client, workers and deployment code serve both modes.
 *
 * <p>Cluster mode is chosen by {@code openmineral.engine.mode=cluster}, or in {@code auto} mode as
 * soon as any of the standard cluster settings is given: gRPC or REST address, SaaS cluster id, or
 * client mode.
 */
public final class EngineModeEnvironment implements EnvironmentPostProcessor, Ordered {
  public static final String RESOLVED_PORT = "openmineral.engine.resolved-port";
  static final List<String> CLUSTER_SETTINGS =
      List.of(
          "camunda.client.grpc-address",
          "camunda.client.rest-address",
          "camunda.client.cloud.cluster-id",
          "camunda.client.mode");

  static final String PROPERTY_SOURCE = "openmineral-engine";

  /**
   * Whether this run uses the embedded engine, judged from every property source but the one this
   * class adds. Called early (to point the client at the engine) and again when configuration
   * classes are evaluated, by which time late sources (e.g. test properties) are present too.
   */
  public static boolean embedded(final ConfigurableEnvironment environment) {
    final String mode = setting(environment, "openmineral.engine.mode");
    final String normalised = mode == null ? "auto" : mode.toLowerCase(Locale.ROOT);
    return switch (normalised) {
      case "embedded" -> true;
      case "cluster" -> false;
      case "auto" -> CLUSTER_SETTINGS.stream().allMatch(key -> setting(environment, key) == null);
      default ->
          throw new IllegalArgumentException(
              "openmineral.engine.mode must be auto, embedded or cluster, was '" + mode + "'");
    };
  }

  /**
   * A setting from any source but ours, with Spring Boot's relaxed names (so the environment
   * variable {@code CAMUNDA_CLIENT_GRPCADDRESS} counts as {@code camunda.client.grpc-address}).
   */
  private static String setting(final ConfigurableEnvironment environment, final String key) {
    final List<PropertySource<?>> others = new ArrayList<>();
    for (final PropertySource<?> source : environment.getPropertySources()) {
      if (!PROPERTY_SOURCE.equals(source.getName())
          && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
        others.add(source);
      }
    }
    final ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
    for (final ConfigurationPropertySource source : ConfigurationPropertySources.from(others)) {
      final ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null && property.getValue() != null) {
        return environment.resolvePlaceholders(property.getValue().toString());
      }
    }
    return null;
  }

  @Override
  public void postProcessEnvironment(
      final ConfigurableEnvironment environment, final SpringApplication application) {
    final boolean embedded = embedded(environment);
    final Map<String, Object> settings = new HashMap<>();
    if (embedded) {
      final int configured =
          environment.getProperty("openmineral.engine.port", Integer.class, 26500);
      final int port = configured == 0 ? EmbeddedEngine.freeLoopbackPort() : configured;
      final String address = "http://127.0.0.1:" + port;
      settings.put(RESOLVED_PORT, port);
      settings.put("camunda.client.grpc-address", address);
      // The embedded engine speaks gRPC only; user tasks go through the engine adapter.
      settings.put("camunda.client.rest-address", address);
      settings.put("camunda.client.prefer-rest-over-grpc", false);
      settings.put("camunda.client.auth.method", "none");
      settings.put("camunda.client.worker.defaults.stream-enabled", true);
    }
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("openmineral-engine", settings));
  }

  @Override
  public int getOrder() {
    // after application.properties and the environment are loaded
    return Ordered.LOWEST_PRECEDENCE;
  }
}
