package org.openmineral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.process.test.impl.runtime.CamundaProcessTestContainerRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The packaged application in cluster mode against the real Camunda 8.8 orchestration cluster image
 * (started by Camunda Process Test's container runtime, with its Elasticsearch) and PostgreSQL in a
 * container: the models are deployed to the cluster at start, a counterparty's onboarding runs on
 * the cluster's broker with the application's job workers, the compliance task is found through the
 * cluster's search API and completed through the application's task API, and the outcome lands in
 * the application's database. Skips when there is no Docker (cluster mode is also tested without
 * Docker by the api module's ClusterModeTest, against a gateway it runs itself).
 */
class CamundaClusterE2ETest {
  private static final String CAMUNDA_VERSION = "8.8.14";
  private static final String PASSWORD = "e2e-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static CamundaProcessTestContainerRuntime camunda;
  private static GenericContainer<?> postgres;
  private static Process application;
  private static Path applicationLog;
  private static int port;

  @BeforeAll
  static void startClusterDatabaseAndApplication() throws Exception {
    Assumptions.assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "Docker is not available: the end-to-end test against the Camunda image needs it");
    final Path jar = Path.of(System.getProperty("openmineral.app-jar"));
    assertThat(jar).as("the packaged application; build it with ./openmineral build").exists();

    camunda =
        (CamundaProcessTestContainerRuntime)
            CamundaProcessTestContainerRuntime.newBuilder()
                .withCamundaDockerImageVersion(CAMUNDA_VERSION)
                .withConnectorsEnabled(false)
                .build();
    camunda.start();
    postgres =
        new GenericContainer<>("postgres:17-alpine")
            .withEnv("POSTGRES_DB", "openmineral")
            .withEnv("POSTGRES_PASSWORD", PASSWORD)
            .withExposedPorts(5432)
            .waitingFor(
                Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
    postgres.start();

    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    final Path dataDirectory = Files.createTempDirectory("openmineral-e2e-");
    applicationLog = Path.of("target", "application-e2e.log").toAbsolutePath();
    Files.createDirectories(applicationLog.getParent());
    final List<String> command = new ArrayList<>();
    command.add(System.getProperty("openmineral.java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--openmineral.data-dir=" + dataDirectory);
    command.add("--camunda.client.grpc-address=" + camunda.getCamundaGrpcApiAddress());
    command.add("--camunda.client.rest-address=" + camunda.getCamundaRestApiAddress());
    command.add(
        "--spring.datasource.url=jdbc:postgresql://"
            + postgres.getHost()
            + ":"
            + postgres.getMappedPort(5432)
            + "/openmineral");
    command.add("--spring.datasource.username=postgres");
    command.add("--spring.datasource.password=" + PASSWORD);
    // tokens from the application itself, for two users of this test only
    command.add("--openmineral.security.local-issuer=true");
    command.add("--openmineral.security.users[0].username=officer");
    command.add("--openmineral.security.users[0].password-hash={noop}" + PASSWORD);
    command.add("--openmineral.security.users[0].roles[0]=compliance");
    command.add("--openmineral.security.users[1].username=ops");
    command.add("--openmineral.security.users[1].password-hash={noop}" + PASSWORD);
    command.add("--openmineral.security.users[1].roles[0]=operations");
    application =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(applicationLog.toFile())
            .start();

    Awaitility.await("the application is ready (log: " + applicationLog + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .failFast("the application exited", () -> !application.isAlive())
        .until(() -> status("/actuator/health") == 200);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (application != null) {
      application.destroy();
      application.waitFor();
    }
    if (postgres != null) {
      postgres.stop();
    }
    if (camunda != null) {
      camunda.close();
    }
  }

  @Test
  void anOnboardingRunsOnTheClusterAndItsTaskIsCompletedThroughTheApplication() throws Exception {
    final String officer = token("officer");
    final HttpResponse<String> created =
        send(
            "POST",
            "/api/counterparties",
            officer,
            Map.of(
                "name",
                "Baltic Copper Concentrates AB",
                "type",
                "ENTITY",
                "country",
                "SE",
                "ownershipDisclosed",
                true));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    final String counterparty = JSON.readTree(created.body()).path("id").asText();

    // the cluster's search API is eventually consistent: the task shows up within seconds
    final JsonNode task =
        Awaitility.await("the compliance decision task")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> decisionTask(officer), found -> found != null);

    assertThat(
            send("POST", "/api/tasks/" + task.path("key").asText() + "/claim", officer, Map.of())
                .statusCode())
        .isIn(200, 204);
    final HttpResponse<String> completed =
        send(
            "POST",
            "/api/tasks/" + task.path("key").asText() + "/complete",
            officer,
            Map.of(
                "complianceDecision",
                "APPROVE",
                "complianceComment",
                "Register extract and ownership chain checked."));
    assertThat(completed.statusCode()).as(completed.body()).isIn(200, 204);

    Awaitility.await("the counterparty approved")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                JSON.readTree(
                        send("GET", "/api/counterparties/" + counterparty, officer, null).body())
                    .path("kycStatus")
                    .asText(),
            "APPROVED"::equals);
    // operations may not decide on onboarding, also in cluster mode
    assertThat(send("POST", "/api/counterparties", token("ops"), Map.of()).statusCode())
        .isEqualTo(403);
  }

  private static JsonNode decisionTask(final String token) throws Exception {
    final JsonNode tasks = JSON.readTree(send("GET", "/api/tasks", token, null).body());
    for (final JsonNode task : tasks.isArray() ? tasks : tasks.path("items")) {
      if ("compliance-decision".equals(task.path("elementId").asText())) {
        return task;
      }
    }
    return null;
  }

  private static String token(final String user) throws Exception {
    final HttpResponse<String> response =
        send("POST", "/api/auth/token", null, Map.of("username", user, "password", PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static int status(final String path) {
    try {
      return send("GET", path, null, null).statusCode();
    } catch (final IOException e) {
      return -1;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static HttpResponse<String> send(
      final String method, final String path, final String token, final Object body)
      throws IOException, InterruptedException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
