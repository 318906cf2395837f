package org.openmineral.platform.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

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
  public static final String RESOLVED_MODE = "openmineral.engine.resolved-mode";
  public static final String RESOLVED_PORT = "openmineral.engine.resolved-port";
  static final List<String> CLUSTER_SETTINGS =
      List.of(
          "camunda.client.grpc-address",
          "camunda.client.rest-address",
          "camunda.client.cloud.cluster-id",
          "camunda.client.mode");

  @Override
  public void postProcessEnvironment(
      final ConfigurableEnvironment environment, final SpringApplication application) {
    final String mode =
        environment.getProperty("openmineral.engine.mode", "auto").toLowerCase(Locale.ROOT);
    final boolean clusterConfigured =
        CLUSTER_SETTINGS.stream().anyMatch(key -> environment.getProperty(key) != null);
    final boolean embedded =
        switch (mode) {
          case "embedded" -> true;
          case "cluster" -> false;
          case "auto" -> !clusterConfigured;
          default ->
              throw new IllegalArgumentException(
                  "openmineral.engine.mode must be auto, embedded or cluster, was '" + mode + "'");
        };
    final Map<String, Object> settings = new HashMap<>();
    settings.put(RESOLVED_MODE, embedded ? "embedded" : "cluster");
    if (embedded) {
      final int configured =
          environment.getProperty("openmineral.engine.port", Integer.class, 26500);
      final int port = configured == 0 ? freeLoopbackPort() : configured;
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

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException("no free port for the embedded engine", e);
    }
  }
}
