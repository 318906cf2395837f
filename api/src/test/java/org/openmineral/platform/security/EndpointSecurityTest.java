package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.platform.web.ApiEndpoints;
import org.openmineral.platform.web.ApiEndpoints.Endpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Authentication and authorisation of every {@code /api} endpoint the application maps (read from
 * Spring MVC, so a new endpoint is covered the day it is added): without a token, with an expired
 * token and with a valid token that carries no role. What a user without any role may reach is
 * listed here on purpose: a new endpoint open to every signed-in user must be added to {@link
 * #OPEN_TO_EVERY_USER} knowingly.
 */
class EndpointSecurityTest extends ApplicationTest {
  /** Endpoints any valid token may call; everything else needs a role. */
  static final Set<String> OPEN_TO_EVERY_USER =
      Set.of(
          "GET /api/tasks",
          "GET /api/tasks/{key}",
          "GET /api/tasks/{key}/form",
          "POST /api/tasks/{key}/claim",
          "POST /api/tasks/{key}/unclaim",
          "POST /api/tasks/{key}/complete",
          "GET /api/events",
          "GET /api/process-definitions",
          "GET /api/process-definitions/{key}/xml",
          "GET /api/counterparties",
          "GET /api/counterparties/{id}",
          "GET /api/counterparties/{id}/kyc",
          "GET /api/counterparties/{id}/credit",
          "GET /api/market-data/imports",
          "GET /api/market-data/imports/{id}",
          "GET /api/market-data/series",
          "GET /api/market-data/series/{code}/prices",
          "GET /api/knowledge/search",
          "GET /api/knowledge/status");

  private static final String PUBLIC = "POST " + TokenController.PATH;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  private List<Endpoint> endpoints;

  @BeforeEach
  void readEndpoints() {
    endpoints =
        ApiEndpoints.of(mapping).all().stream()
            .filter(endpoint -> !PUBLIC.equals(endpoint.toString()))
            .toList();
    assertThat(endpoints).hasSizeGreaterThan(15);
  }

  @Test
  void everyEndpointButTheLoginRefusesARequestWithoutAToken() throws Exception {
    for (final Endpoint endpoint : endpoints) {
      assertRefused(endpoint, null, 401, "/unauthenticated");
    }
  }

  @Test
  void everyEndpointRefusesAnExpiredToken() throws Exception {
    final RSAKey key = SigningKeyStore.loadOrCreate(DATA_DIRECTORY.resolve("security"));
    final Instant anHourAgo = Instant.now().minusSeconds(3600);
    final String expired =
        SecurityApiTest.sign(
            key, "admin", List.of("admin"), anHourAgo.minusSeconds(3600), anHourAgo);
    for (final Endpoint endpoint : endpoints) {
      assertRefused(endpoint, "Bearer " + expired, 401, "/unauthenticated");
    }
  }

  @Test
  void aUserWithoutRolesReachesOnlyWhatIsOpenToEveryUser() throws Exception {
    final RSAKey key = SigningKeyStore.loadOrCreate(DATA_DIRECTORY.resolve("security"));
    final Instant now = Instant.now();
    final String roleless =
        "Bearer " + SecurityApiTest.sign(key, "visitor", List.of(), now, now.plusSeconds(600));
    final Set<String> reached = new TreeSet<>();
    final List<String> refusedWithoutProblem = new ArrayList<>();
    for (final Endpoint endpoint : endpoints) {
      final HttpResponse<String> response = send(endpoint, roleless);
      if (response.statusCode() == 403) {
        if (!json.readTree(response.body()).path("type").asText().endsWith("/forbidden")) {
          refusedWithoutProblem.add(endpoint + " " + response.body());
        }
      } else {
        reached.add(endpoint.toString());
      }
    }
    assertThat(refusedWithoutProblem).isEmpty();
    assertThat(reached).isEqualTo(new TreeSet<>(OPEN_TO_EVERY_USER));
  }

  private void assertRefused(
      final Endpoint endpoint, final String authorization, final int status, final String type)
      throws Exception {
    final HttpResponse<String> response = send(endpoint, authorization);
    assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(endpoint.toString())
        .startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).path("type").asText())
        .as(endpoint.toString())
        .endsWith(type);
  }

  private HttpResponse<String> send(final Endpoint endpoint, final String authorization)
      throws Exception {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(url(endpoint.path("00000000-0000-0000-0000-000000000001")))
            .header("Content-Type", "application/json")
            .method(
                endpoint.method(),
                "GET".equals(endpoint.method()) || "DELETE".equals(endpoint.method())
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
