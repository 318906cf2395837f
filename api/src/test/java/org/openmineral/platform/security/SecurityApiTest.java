package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Login, bearer tokens and roles over HTTP, with the demo users of embedded mode. */
class SecurityApiTest extends ApplicationTest {
  static final Map<String, String> ROLE_OF =
      Map.of(
          "trader", "trader",
          "trader2", "trader",
          "desk-head", "desk-head",
          "risk", "risk",
          "compliance", "compliance",
          "legal", "legal",
          "operations", "operations",
          "auditor", "auditor",
          "admin", "admin");
  static final String SCREENING = "{\"name\": \"Nordic Copper Trading AB\", \"type\": \"ENTITY\"}";

  @Autowired ObjectMapper json;

  @Test
  void everyDemoUserGetsATokenCarryingItsRole() throws Exception {
    for (final Map.Entry<String, String> user : ROLE_OF.entrySet()) {
      final HttpResponse<String> response = requestToken(user.getKey(), user.getKey());

      assertThat(response.statusCode()).as(user.getKey()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      final JsonNode body = json.readTree(response.body());
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
      final JsonNode claims = claims(body.get("access_token").asText());
      assertThat(claims.get("sub").asText()).isEqualTo(user.getKey());
      assertThat(claims.get("iss").asText()).isEqualTo("openmineral");
      assertThat(claims.get("roles")).hasSize(1);
      assertThat(claims.get("roles").get(0).asText()).as(user.getKey()).isEqualTo(user.getValue());
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }
    assertThat(claims(token("trader2")).get("desk").asText())
        .isEqualTo(claims(token("trader")).get("desk").asText())
        .isEqualTo("base-metals");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameProblem() throws Exception {
    final HttpResponse<String> wrongPassword = requestToken("trader", "not-the-password");
    final HttpResponse<String> unknownUser = requestToken("nobody", "trader");

    final JsonNode problem = assertProblem(wrongPassword, 401, "bad-credentials");
    assertProblem(unknownUser, 401, "bad-credentials");
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(problem.get("title").asText()).isEqualTo("Bad credentials");
    assertThat(problem.get("detail").asText()).isEqualTo("The username or the password is wrong.");
  }

  @Test
  void missingUsernameIsAnInputProblem() throws Exception {
    final HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"x\"}")));

    assertThat(assertProblem(response, 400, "invalid-input").get("field").asText())
        .isEqualTo("username");
  }

  @Test
  void noTokenIsUnauthenticated() throws Exception {
    final HttpResponse<String> response = postValuation(null);

    final JsonNode problem = assertProblem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(problem.get("detail").asText()).contains("bearer token is required");
    assertThat(problem.get("instance").asText()).isEqualTo("/api/pricing/valuations");
  }

  @Test
  void basicAuthenticationIsNotAToken() throws Exception {
    final String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("trader:trader".getBytes(StandardCharsets.UTF_8));

    final JsonNode problem = assertProblem(postValuation(basic), 401, "unauthenticated");
    assertThat(problem.get("detail").asText()).contains("bearer token is required");
  }

  @Test
  void expiredTokenIsUnauthenticated() throws Exception {
    final RSAKey key = SigningKeyStore.loadOrCreate(DATA_DIRECTORY.resolve("security"));
    final Instant anHourAgo = Instant.now().minusSeconds(3600);
    final String expired =
        sign(key, "trader", List.of("trader"), anHourAgo.minusSeconds(3600), anHourAgo);

    final HttpResponse<String> response = postValuation("Bearer " + expired);

    final JsonNode problem = assertProblem(response, 401, "unauthenticated");
    assertThat(problem.get("detail").asText()).containsIgnoringCase("expired");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("invalid_token");
  }

  @Test
  void tokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
    final RSAKey ours = SigningKeyStore.loadOrCreate(DATA_DIRECTORY.resolve("security"));
    final RSAKey forger = new RSAKeyGenerator(2048).keyID(ours.getKeyID()).generate();
    final Instant now = Instant.now();
    final String forged = sign(forger, "mallory", List.of("admin"), now, now.plusSeconds(600));

    assertProblem(postValuation("Bearer " + forged), 401, "unauthenticated");
  }

  @Test
  void tokenWhoseRolesWereEditedIsUnauthenticated() throws Exception {
    final String[] parts = token("legal").split("\\.");
    final JsonNode claims = claims(token("legal"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) claims).putArray("roles").add("admin");
    final String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims))
            + "."
            + parts[2];

    assertProblem(postValuation("Bearer " + tampered), 401, "unauthenticated");
  }

  @Test
  void garbageTokenIsUnauthenticated() throws Exception {
    assertProblem(postValuation("Bearer not.a.jwt"), 401, "unauthenticated");
  }

  @Test
  void rolesDecideWhoMayScreen() throws Exception {
    for (final String allowed : List.of("compliance", "trader", "admin")) {
      assertThat(postScreening(bearer(allowed)).statusCode()).as(allowed).isEqualTo(200);
    }
    for (final String refused : List.of("legal", "risk", "auditor", "operations", "desk-head")) {
      final HttpResponse<String> response = postScreening(bearer(refused));
      final JsonNode problem = assertProblem(response, 403, "forbidden");
      assertThat(problem.get("detail").asText())
          .isEqualTo("Your roles do not allow POST /api/compliance/screenings.");
    }
  }

  @Test
  void rolesDecideWhoMayValue() throws Exception {
    for (final String allowed : List.of("trader", "desk-head", "risk", "operations", "admin")) {
      assertThat(postValuation(bearer(allowed)).statusCode()).as(allowed).isEqualTo(200);
    }
    for (final String refused : List.of("compliance", "legal", "auditor")) {
      assertProblem(postValuation(bearer(refused)), 403, "forbidden");
    }
  }

  @Test
  void healthStatusIsOpenWithoutTokenButItsDetailsAreNot() throws Exception {
    final HttpResponse<String> response =
        send(HttpRequest.newBuilder(url("/actuator/health")).GET());
    final HttpResponse<String> liveness =
        send(HttpRequest.newBuilder(url("/actuator/health/liveness")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode health = json.readTree(response.body());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.has("components")).isFalse();
    assertThat(liveness.statusCode()).isNotIn(401, 403);
  }

  @Test
  void otherActuatorEndpointsNeedAToken() throws Exception {
    final HttpResponse<String> anonymous =
        send(HttpRequest.newBuilder(url("/actuator/prometheus")).GET());
    final HttpResponse<String> withToken =
        send(
            HttpRequest.newBuilder(url("/actuator/info"))
                .header("Authorization", bearer("auditor"))
                .GET());

    assertProblem(anonymous, 401, "unauthenticated");
    assertThat(withToken.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathWithATokenIsNotFoundRatherThanUnauthenticated() throws Exception {
    final HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/api/no-such-thing"))
                .header("Authorization", bearer("auditor"))
                .GET());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> postValuation(final String authorization) throws Exception {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(url("/api/pricing/valuations"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    org.openmineral.pricing.ValuationApiTest.EXAMPLE));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> postScreening(final String authorization) throws Exception {
    return send(
        HttpRequest.newBuilder(url("/api/compliance/screenings"))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(SCREENING)));
  }

  private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(final String username) {
    return bearer(username).substring("Bearer ".length());
  }

  private JsonNode claims(final String token) throws Exception {
    return json.readTree(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private JsonNode assertProblem(
      final HttpResponse<String> response, final int status, final String type) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    final JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo("https://openmineral.org/problems/" + type);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }

  static String sign(
      final RSAKey key,
      final String subject,
      final List<String> roles,
      final Instant issuedAt,
      final Instant expiresAt)
      throws Exception {
    final SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer("openmineral")
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
