package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/grafana/openmineral-dashboard.json} is a Grafana dashboard with the panels the
 * operations notes promise. That the metrics it queries exist is checked against a live scrape in
 * {@link MetricsApiTest}.
 */
class GrafanaDashboardTest {
  static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "openmineral-dashboard.json");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:camunda|openmineral|http|jvm|process|system|zeebe)_[a-z0-9_]+)\\b");

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(Files.readString(DASHBOARD));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, rows' nested panels included. */
  static List<JsonNode> panels(final JsonNode dashboard) {
    final List<JsonNode> panels = new ArrayList<>();
    for (final JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The Prometheus metric names in the panels' queries. */
  static Set<String> metricNames(final JsonNode dashboard) {
    final Set<String> names = new TreeSet<>();
    for (final JsonNode panel : panels(dashboard)) {
      for (final JsonNode target : panel.path("targets")) {
        final Matcher matcher = METRIC.matcher(target.path("expr").asText());
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  @Test
  void isAGrafanaDashboardWithTheExpectedPanels() {
    final JsonNode dashboard = dashboard();

    assertThat(dashboard.path("uid").asText()).isEqualTo("openmineral");
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    // a Prometheus data source chosen on import or from a variable
    assertThat(dashboard.path("templating").path("list").findValuesAsText("name"))
        .contains("datasource", "application");

    final List<JsonNode> panels = panels(dashboard);
    final Set<String> titles = new HashSet<>();
    final Set<Integer> ids = new HashSet<>();
    for (final JsonNode panel : panels) {
      titles.add(panel.path("title").asText());
      assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.path("gridPos").path("w").asInt()).isPositive();
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        for (final JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).isNotBlank();
          assertThat(target.path("refId").asText()).isNotBlank();
        }
      }
    }
    assertThat(titles)
        .contains(
            "Jobs handled per second by type",
            "Job failures per second by type",
            "Job latency p50 / p99 by type",
            "HTTP requests per second",
            "HTTP latency p50 / p99",
            "HTTP errors (5xx, 4xx) per second",
            "Engine processing lag",
            "JVM heap",
            "CPU");
  }

  @Test
  void queriesTheMetricsTheApplicationExports() {
    assertThat(metricNames(dashboard()))
        .contains(
            "camunda_job_invocations_total",
            "openmineral_job_duration_seconds_bucket",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "openmineral_engine_processing_lag",
            "jvm_memory_used_bytes",
            "process_cpu_usage");
  }
}
