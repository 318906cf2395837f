package org.openmineral.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.OpenMineralApplication;
import org.openmineral.ServicePostgres;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.engine.log.FileLogStorage.FlushMode;
import org.openmineral.platform.security.DemoUsers;
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
 *
 * <p>Cluster mode also needs an external token issuer: here a JWK set this test serves over HTTP,
 * like Keycloak's {@code /protocol/openid-connect/certs}, with the roles nested as Keycloak puts
 * them ({@code realm_access.roles}). The application's own login and demo users must not exist.
 */
@SpringBootTest(
    classes = OpenMineralApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ClusterModeTest {
  static final String DATABASE = "openmineral_cluster_mode_" + ProcessHandle.current().pid();
  static EmbeddedEngine gateway;
  static final List<Record<?>> gatewayRecords = new CopyOnWriteArrayList<>();
  static FeedSubscription gatewayFeed;
  static RSAKey issuerKey;
  static HttpServer issuer;

  @DynamicPropertySource
  static void clusterSettings(final DynamicPropertyRegistry registry) throws Exception {
    ServicePostgres.recreate(DATABASE);
    gateway =
        EmbeddedEngine.start(
            EngineSettings.defaults(Files.createTempDirectory("openmineral-gateway-"))
                .withPort(0)
                .withFlushMode(FlushMode.OS_CACHE));
    gatewayFeed = gateway.recordFeed().subscribe("cluster-mode-test", -1, gatewayRecords::add);
    registry.add("camunda.client.grpc-address", gateway::grpcAddress);
    registry.add("camunda.client.rest-address", gateway::grpcAddress);
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
    registry.add("spring.datasource.url", () -> ServicePostgres.url(DATABASE));
    registry.add("spring.datasource.username", () -> ServicePostgres.USER);
    final String unusedDataDirectory = Files.createTempDirectory("openmineral-unused-").toString();
    registry.add("openmineral.data-dir", () -> unusedDataDirectory);
    issuerKey = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
    issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    final byte[] jwks =
        new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    issuer.createContext(
        "/certs",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    issuer.start();
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs");
    registry.add("openmineral.security.roles-claim", () -> "realm_access.roles");
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
    issuer.stop(0);
    ServicePostgres.drop(DATABASE);
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
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Authorization", "Bearer " + externalToken("operations")));

    final JsonNode health = json.readTree(response.body());
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/details/mode").asText()).isEqualTo("cluster");
    assertThat(health.at("/components/engine/details/partitions/1").asText()).isEqualTo("HEALTHY");
    assertThat(health.at("/components/database/details/mode").asText()).isEqualTo("external");
    assertThat(health.at("/components/database/details/url").asText()).contains(DATABASE);
  }

  @Test
  void tokensOfTheExternalIssuerAreAcceptedWithTheirNestedRoles() throws Exception {
    final String trader = externalToken("trader");
    final String legal = externalToken("legal");

    assertThat(postScreening("Bearer " + trader).statusCode()).isEqualTo(200);
    assertThat(postScreening("Bearer " + legal).statusCode()).isEqualTo(403);
    assertThat(postScreening(null).statusCode()).isEqualTo(401);
  }

  @Test
  void thereIsNoOwnLoginAndNoDemoUser() throws Exception {
    final HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"trader\", \"password\": \"trader\"}")));

    assertThat(login.statusCode()).isEqualTo(404);
    assertThat(context.getBeanNamesForType(DemoUsers.class)).isEmpty();
  }

  private HttpResponse<String> postScreening(final String authorization) throws Exception {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/compliance/screenings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Nordic Copper AB\"}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A token as Keycloak would issue it, with the role in {@code realm_access.roles}. */
  private static String externalToken(final String role) throws Exception {
    final Instant now = Instant.now();
    final SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuerKey.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer("https://keycloak.example.com/realms/openmineral")
                .subject("f3a1c2d4-" + role)
                .claim("preferred_username", role + "@example.com")
                .claim("realm_access", Map.of("roles", List.of(role, "offline_access")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(issuerKey));
    return jwt.serialize();
  }
}
