package org.openmineral.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.OpenMineralApplication;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.engine.log.FileLogStorage.FlushMode;
import org.openmineral.task.CamundaUserTaskCommands;
import org.openmineral.task.UserTaskCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cluster mode: the standard {@code camunda.client.*} and {@code spring.datasource.*} settings
 * point the application at an external Zeebe gateway and an external PostgreSQL (the machine's
 * PostgreSQL service on 127.0.0.1:5432, which the CI script starts); the embedded engine and
 * database must then not start. The external gateway here is a Zeebe engine this test runs on its
 * own port, reached only over gRPC like a cluster's gateway.
 */
@SpringBootTest(
    classes = OpenMineralApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ClusterModeTest {
  static final String DATABASE = "openmineral_cluster_mode_" + ProcessHandle.current().pid();
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  static EmbeddedEngine gateway;
  static final List<Record<?>> gatewayRecords = new CopyOnWriteArrayList<>();
  static FeedSubscription gatewayFeed;

  @DynamicPropertySource
  static void clusterSettings(final DynamicPropertyRegistry registry) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE);
    }
    gateway =
        EmbeddedEngine.start(
            EngineSettings.defaults(Files.createTempDirectory("openmineral-gateway-"))
                .withPort(0)
                .withFlushMode(FlushMode.OS_CACHE));
    gatewayFeed = gateway.recordFeed().subscribe("cluster-mode-test", -1, gatewayRecords::add);
    registry.add("camunda.client.grpc-address", gateway::grpcAddress);
    registry.add("camunda.client.rest-address", gateway::grpcAddress);
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
    registry.add("spring.datasource.url", () -> POSTGRES + DATABASE);
    registry.add("spring.datasource.username", () -> "postgres");
    final String unusedDataDirectory = Files.createTempDirectory("openmineral-unused-").toString();
    registry.add("openmineral.data-dir", () -> unusedDataDirectory);
  }

  /** The application, whose client (and so its job workers) stops before the gateway does. */
  static ConfigurableApplicationContext application;

  @BeforeEach
  void rememberApplication(@Autowired final ConfigurableApplicationContext context) {
    application = context;
  }

  @AfterAll
  static void stopGatewayAndDropDatabase() throws Exception {
    if (application != null) {
      application.getBean(io.camunda.client.CamundaClient.class).close();
    }
    gatewayFeed.close();
    gateway.close();
    try (Connection connection =
            DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired UserTaskCommands userTasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void neitherTheEmbeddedEngineNorTheEmbeddedDatabaseStarts() {
    assertThat(context.getBeanNamesForType(EmbeddedEngine.class)).isEmpty();
    assertThat(
            context.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class))
        .isEmpty();
    assertThat(userTasks).isInstanceOf(CamundaUserTaskCommands.class);
  }

  @Test
  void modelsAreDeployedToTheClusterAndRecordedInTheExternalDatabase() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                gatewayRecords.stream()
                    .anyMatch(
                        r ->
                            r.getValueType() == ValueType.DEPLOYMENT
                                && r.getRecordType() == RecordType.EVENT
                                && r.getIntent() == DeploymentIntent.CREATED));
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(DATABASE);
    assertThat(
            jdbc.queryForList(
                "select resource_id from deployed_resource where resource_type = 'PROCESS'",
                String.class))
        .contains("platform-check");
  }

  @Test
  void healthReportsClusterModeWithPartitionHealthAndTheExternalDatabase() throws Exception {
    final HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    final JsonNode health = json.readTree(response.body());
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/details/mode").asText()).isEqualTo("cluster");
    assertThat(health.at("/components/engine/details/partitions/1").asText()).isEqualTo("HEALTHY");
    assertThat(health.at("/components/database/details/mode").asText()).isEqualTo("external");
    assertThat(health.at("/components/database/details/url").asText()).contains(DATABASE);
  }
}
