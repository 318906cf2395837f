package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerting rules ({@code deploy/monitoring/openmineral-alerts.yaml}) and the Prometheus Adapter
 * rule behind the workers' backlog HPA ({@code deploy/monitoring/prometheus-adapter-values.yaml},
 * {@code deploy/k8s/hpa.yaml}) are well formed and consistent with each other. That the metrics
 * they query exist is checked against a live scrape in {@link MetricsApiTest}.
 */
class MonitoringRulesTest {
  static final Path ALERTS = Path.of("..", "deploy", "monitoring", "openmineral-alerts.yaml");
  static final Path ADAPTER =
      Path.of("..", "deploy", "monitoring", "prometheus-adapter-values.yaml");
  static final Path HPA = Path.of("..", "deploy", "k8s", "hpa.yaml");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:camunda|openmineral|http|jvm|process|system|zeebe)_[a-z0-9_]+)\\b");
  private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(final Path file) {
    try {
      return (Map<String, Object>) new Yaml().load(Files.readString(file));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alertRules() {
    final Map<String, Object> spec = (Map<String, Object>) yaml(ALERTS).get("spec");
    final List<Map<String, Object>> rules = new ArrayList<>();
    for (final Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> adapterRules() {
    final Map<String, Object> rules = (Map<String, Object>) yaml(ADAPTER).get("rules");
    return (List<Map<String, Object>>) rules.get("custom");
  }

  /** The application's metric names in the alert expressions and the adapter's queries. */
  static Set<String> metricNames() {
    final Set<String> names = new TreeSet<>();
    for (final Map<String, Object> rule : alertRules()) {
      collect(String.valueOf(rule.get("expr")), names);
    }
    for (final Map<String, Object> rule : adapterRules()) {
      collect(String.valueOf(rule.get("seriesQuery")), names);
    }
    return names;
  }

  private static void collect(final String expression, final Set<String> names) {
    final Matcher matcher = METRIC.matcher(expression);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasAnExpressionADelayASeverityAndASummary() {
    final Map<String, Object> document = yaml(ALERTS);
    assertThat(document.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat(document.get("kind")).isEqualTo("PrometheusRule");

    final List<Map<String, Object>> rules = alertRules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
    final Set<String> names = new TreeSet<>();
    for (final Map<String, Object> rule : rules) {
      final String alert = String.valueOf(rule.get("alert"));
      assertThat(names.add(alert)).as("unique alert name %s", alert).isTrue();
      assertThat(alert).startsWith("OpenMineral");
      assertThat(String.valueOf(rule.get("expr"))).as(alert).isNotBlank();
      assertThat(String.valueOf(rule.get("for"))).as(alert).matches(DURATION);
      final Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
      assertThat(labels.get("severity")).as(alert).isIn("warning", "critical");
      final Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
      assertThat(String.valueOf(annotations.get("summary"))).as(alert).isNotBlank();
      assertThat(String.valueOf(annotations.get("description"))).as(alert).isNotBlank();
    }
    assertThat(metricNames())
        .contains(
            "http_server_requests_seconds_count",
            "camunda_job_invocations_total",
            "openmineral_job_duration_seconds_bucket",
            "camunda_client_worker_job_total");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWorkersHpaScalesOnTheMetricTheAdapterServes() throws IOException {
    final Set<String> served = new TreeSet<>();
    for (final Map<String, Object> rule : adapterRules()) {
      served.add(String.valueOf(((Map<String, Object>) rule.get("name")).get("as")));
      assertThat(String.valueOf(rule.get("metricsQuery")))
          .contains("<<.Series>>", "<<.LabelMatchers>>", "<<.GroupBy>>");
    }

    final List<String> hpaMetrics = new ArrayList<>();
    for (final Object object : new Yaml().loadAll(Files.readString(HPA))) {
      final Map<String, Object> hpa = (Map<String, Object>) object;
      final Map<String, Object> spec = (Map<String, Object>) hpa.get("spec");
      for (final Map<String, Object> metric : (List<Map<String, Object>>) spec.get("metrics")) {
        if ("Pods".equals(metric.get("type"))) {
          final Map<String, Object> pods = (Map<String, Object>) metric.get("pods");
          hpaMetrics.add(
              String.valueOf(((Map<String, Object>) pods.get("metric")).get("name"))
                  + "@"
                  + ((Map<String, Object>) spec.get("scaleTargetRef")).get("name"));
        }
      }
    }
    assertThat(hpaMetrics).containsExactly("openmineral_worker_jobs_in_flight@openmineral-workers");
    assertThat(served).contains("openmineral_worker_jobs_in_flight");
  }
}
