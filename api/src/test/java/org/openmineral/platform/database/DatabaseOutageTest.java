package org.openmineral.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.OpenMineralApplication;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.workers.kyc.KycRecordOutcomeWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL down for a while, then back: requests fail fast with a 503 problem and change nothing,
 * a job that needs the database keeps its retries and is retried with a back-off, and when the
 * database returns the job completes, the process goes on and the audit projection catches up with
 * a chain that still verifies. The database is a real PostgreSQL this test stops and starts again
 * on the same port and data directory (EmbeddedPostgres stops it at the end of the test JVM); the
 * application runs in its default mode otherwise.
 */
@SpringBootTest(
    classes = OpenMineralApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTest {
  private static final String PROBE = "database-outage-probe";
  private static Path postgresData;
  private static int postgresPort;
  private static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void externalDatabase(final DynamicPropertyRegistry registry) throws IOException {
    postgresData = Files.createTempDirectory("openmineral-outage-pg-");
    try (ServerSocket socket = new ServerSocket(0)) {
      postgresPort = socket.getLocalPort();
    }
    postgres = startPostgres();
    final String dataDirectory = Files.createTempDirectory("openmineral-outage-").toString();
    registry.add("openmineral.data-dir", () -> dataDirectory);
    registry.add("openmineral.engine.port", () -> "0");
    registry.add(
        "spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
    registry.add("spring.datasource.username", () -> "postgres");
  }

  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(postgresData)
        .setCleanDataDirectory(false)
        .setPort(postgresPort)
        .start();
  }

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void requestsFailFastJobsWaitAndEverythingResumesWhenTheDatabaseReturns() throws Exception {
    final List<Record<?>> records = new CopyOnWriteArrayList<>();
    try (FeedSubscription feed = engine.recordFeed().subscribe("outage", -1, records::add)) {
      final String compliance = token("compliance");
      final String auditor = token("auditor");
      final String counterparty = createCounterparty(compliance, "Outage Probe Mining AG");
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(PROBE)
                  .startEvent()
                  .serviceTask(
                      "record",
                      task ->
                          task.zeebeJobType(KycRecordOutcomeWorker.TYPE)
                              .zeebeJobRetries("3")
                              .zeebeTaskHeader(
                                  KycRecordOutcomeWorker.STATUS_HEADER, "UNDER_REVIEW"))
                  .endEvent()
                  .done(),
              PROBE + ".bpmn")
          .send()
          .join();
      final long entriesBefore = verify(auditor).path("entries").asLong();

      postgres.close();
      postgres = null;

      // a read: 503 problem, quickly
      final long started = System.nanoTime();
      final HttpResponse<String> read = get("/api/counterparties/" + counterparty, compliance);
      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertUnavailable(read);
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      // a write: 503 problem, and nothing of it exists afterwards
      assertUnavailable(postCounterparty(compliance, "Written During Outage Ltd"));

      // a job that needs the database: failed with its retries unchanged, retried after back-off
      final long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROBE)
              .latestVersion()
              .variables(Map.of("counterpartyId", counterparty))
              .send()
              .join()
              .getProcessInstanceKey();
      final Record<?> failed =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> jobFailed(records, instance), found -> found != null);
      final JobRecordValue job = (JobRecordValue) failed.getValue();
      assertThat(job.getRetries()).isEqualTo(3);
      assertThat(job.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10).toMillis());
      assertThat(job.getErrorMessage()).contains("unavailable");

      postgres = startPostgres();
      engine.increaseTime(Duration.ofSeconds(11));

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> completed(records, instance));
      final JsonNode kyc =
          json.readTree(get("/api/counterparties/" + counterparty, compliance).body());
      assertThat(kyc.path("kycStatus").asText()).isNotEqualTo("PENDING");
      assertThat(
              json.readTree(
                      get("/api/counterparties?name=Written%20During%20Outage", compliance).body())
                  .toString())
          .doesNotContain("Written During Outage Ltd");
      // the audit projection caught up with what happened during and after the outage
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> verify(auditor), v -> v.path("entries").asLong() > entriesBefore);
      assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
    }
  }

  private static Record<?> jobFailed(final List<Record<?>> records, final long instance) {
    return records.stream()
        .filter(
            r ->
                r.getRecordType() == RecordType.EVENT
                    && r.getValueType() == ValueType.JOB
                    && r.getIntent() == JobIntent.FAILED
                    && ((JobRecordValue) r.getValue()).getProcessInstanceKey() == instance)
        .findFirst()
        .orElse(null);
  }

  private static boolean completed(final List<Record<?>> records, final long instance) {
    return records.stream()
        .anyMatch(
            r ->
                r.getRecordType() == RecordType.EVENT
                    && r.getValueType() == ValueType.PROCESS_INSTANCE
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && r.getKey() == instance
                    && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                        == BpmnElementType.PROCESS);
  }

  private void assertUnavailable(final HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
    assertThat(json.readTree(response.body()).path("detail").asText())
        .contains("database is unavailable");
  }

  private String createCounterparty(final String token, final String name) throws Exception {
    final HttpResponse<String> response = postCounterparty(token, name);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).path("id").asText();
  }

  private HttpResponse<String> postCounterparty(final String token, final String name)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(url("/api/counterparties"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(
                        Map.of(
                            "name",
                            name,
                            "type",
                            "ENTITY",
                            "country",
                            "CH",
                            "ownershipDisclosed",
                            true))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode verify(final String token) throws Exception {
    final HttpResponse<String> response = get("/api/audit/verify", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(final String path, final String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token(final String user) throws Exception {
    final HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("username", user, "password", user))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("access_token").asText();
  }

  private URI url(final String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
