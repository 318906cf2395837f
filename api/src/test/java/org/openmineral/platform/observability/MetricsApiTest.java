package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.workers.kyc.KycScreenWorker;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /actuator/prometheus} on the running application: HTTP, JVM, engine and job-worker
 * metrics, and every metric the Grafana dashboard, the alerting rules and the workers' HPA query.
 */
class MetricsApiTest extends ApplicationTest {
  private static final String PROCESS = "observability-probe";
  private static boolean jobsRan;

  @Autowired CamundaClient client;

  /** Runs {@code kyc.screen} (the real worker) once to completion and once into a failure. */
  private synchronized void runJobs() {
    if (jobsRan) {
      return;
    }
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .serviceTask("screen", task -> task.zeebeJobType(KycScreenWorker.TYPE))
                .endEvent()
                .done(),
            PROCESS + ".bpmn")
        .send()
        .join();
    start(Map.of("name", "Observability Probe Metals Ltd", "type", "ENTITY", "country", "CH"));
    // an unknown party type fails the job without retries (an incident)
    start(Map.of("name", "Observability Probe", "type", "PLANET"));
    jobsRan = true;
  }

  private void start(final Map<String, Object> variables) {
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  @Test
  void scrapeNeedsATokenOnTheApplicationPort() throws Exception {
    assertThat(get(null).statusCode()).isEqualTo(401);
    assertThat(get(bearer("admin")).statusCode()).isEqualTo(200);
  }

  @Test
  void httpJvmAndEngineMetricsAreExposed() throws Exception {
    get(bearer("trader")); // at least one request measured
    final String scrape =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(this::scrape, text -> text.contains("http_server_requests_seconds_bucket"));

    assertThat(scrape)
        .contains("http_server_requests_seconds_bucket{")
        .contains("le=\"0.25\"") // SLO bucket
        .contains("application=\"openmineral\"")
        .contains("jvm_memory_used_bytes{")
        .contains("process_cpu_usage");
    for (final String gauge :
        Set.of(
            "openmineral_engine_log_position",
            "openmineral_engine_processed_position",
            "openmineral_engine_processing_lag",
            "openmineral_engine_checkpoint_position",
            "openmineral_engine_log_size_bytes",
            "openmineral_engine_healthy")) {
      assertThat(scrape).containsPattern("(?m)^" + gauge + "\\{[^}]*partition=\"1\"[^}]*\\} ");
    }
    assertThat(scrape).containsPattern("(?m)^zeebe_stream_processor_\\w+");
  }

  @Test
  void jobWorkerMetricsAppearOnceAJobRan() {
    runJobs();
    final String scrape =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                this::scrape,
                text ->
                    line(text, "openmineral_job_duration_seconds_count", "completed")
                        && line(text, "openmineral_job_duration_seconds_count", "failed"));

    // the starter's counters, by action and type
    assertThat(scrape)
        .containsPattern(
            "camunda_job_invocations_total\\{[^}]*action=\"completed\"[^}]*type=\"kyc.screen\"")
        .containsPattern(
            "camunda_job_invocations_total\\{[^}]*action=\"failed\"[^}]*type=\"kyc.screen\"")
        // the latency timer, with buckets for p50/p99
        .containsPattern(
            "openmineral_job_duration_seconds_bucket\\{[^}]*outcome=\"completed\"[^}]*type=\"kyc.screen\"");
  }

  @Test
  void everyMetricTheDashboardQueriesIsExposed() throws Exception {
    runJobs();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            this::scrape, text -> line(text, "openmineral_job_duration_seconds_count", "failed"));
    final String scrape = scrape();
    Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);

    assertThat(GrafanaDashboardTest.metricNames(GrafanaDashboardTest.dashboard()))
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(scrape)
                    .as("the dashboard queries %s", name)
                    .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]"));
  }

  @Test
  void everyMetricTheAlertsAndTheWorkersHpaQueryIsExposed() throws Exception {
    runJobs();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            this::scrape, text -> line(text, "openmineral_job_duration_seconds_count", "failed"));
    final String scrape = scrape();

    assertThat(MonitoringRulesTest.metricNames())
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(scrape)
                    .as("an alert or the adapter queries %s", name)
                    .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]"));
    // the backlog the workers' HPA scales on: activated minus handled, both counted per type
    assertThat(scrape)
        .containsPattern(
            "(?m)^camunda_client_worker_job_total\\{[^}]*action=\"activated\"[^}]*type=\"kyc.screen\"")
        .containsPattern(
            "(?m)^camunda_client_worker_job_total\\{[^}]*action=\"handled\"[^}]*type=\"kyc.screen\"");
  }

  private static boolean line(final String scrape, final String metric, final String outcome) {
    return Pattern.compile(
            "(?m)^"
                + metric
                + "\\{[^}]*outcome=\""
                + outcome
                + "\"[^}]*type=\"kyc\\.screen\"[^}]*\\} [1-9]")
        .matcher(scrape)
        .find();
  }

  private String scrape() throws IOException, InterruptedException {
    final HttpResponse<String> response = get(bearer("admin"));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> get(final String authorization)
      throws IOException, InterruptedException {
    final HttpRequest.Builder request = HttpRequest.newBuilder(url("/actuator/prometheus")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
