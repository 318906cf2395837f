package org.openmineral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.openmineral.ApplicationTest;
import org.openmineral.platform.web.ApiEndpoints.Endpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input against every {@code /api} endpoint of the running application (the shared
 * application context of {@link ApplicationTest}): jqwik generates requests -- any endpoint, any
 * demo user, path variables that are not what the endpoint expects, bodies that are random JSON
 * built from the API's own field names with values of the wrong type, out-of-range numbers,
 * injection strings, broken JSON, the wrong content type. No request may get a server error or
 * hang, and every refusal is an RFC 9457 problem. Then the limits: oversized and deeply nested
 * bodies are refused.
 */
@JqwikSpringSupport
class HostileInputTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration NO_HANG = Duration.ofSeconds(15);
  private static final List<String> USERS =
      List.of(
          "trader",
          "trader2",
          "desk-head",
          "risk",
          "compliance",
          "legal",
          "operations",
          "auditor",
          "admin");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(NO_HANG).build();
  private ApiEndpoints endpoints;

  /** The endpoints, read once Spring has injected the mapping. */
  private ApiEndpoints endpoints() {
    if (endpoints == null) {
      assertThat(mapping).as("injected by jqwik-spring").isNotNull();
      endpoints = ApiEndpoints.of(mapping);
      assertThat(endpoints.all()).hasSizeGreaterThan(15);
    }
    return endpoints;
  }

  /** A generated request; the endpoint and the body's keys are resolved in {@link #resolve}. */
  record Shape(int endpoint, String user, String pathValue, String contentType, Object body) {}

  /** A request ready to send. */
  record Attack(Endpoint endpoint, String user, String pathValue, String contentType, String body) {
    @Override
    public String toString() {
      return endpoint.method()
          + " "
          + endpoint.path(pathValue)
          + " as "
          + user
          + " ("
          + contentType
          + "): "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  @Property(tries = 400, seed = "20261124")
  void noRequestGetsAServerErrorOrHangs(@ForAll("shapes") final Shape shape) throws Exception {
    final Attack attack = resolve(shape);
    final HttpResponse<String> response = send(attack);

    if (!copilotWithoutModel(attack, response)) {
      assertThat(response.statusCode()).as(attack.toString()).isLessThan(500);
    }
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(attack.toString())
          .startsWith("application/problem+json");
      final JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("status").asInt())
          .as(attack.toString())
          .isEqualTo(response.statusCode());
      assertThat(problem.path("title").asText()).as(attack.toString()).isNotBlank();
    }
  }

  /**
   * The one 503 the test application gives on purpose: the copilot, asked a valid question, says
   * that no language model is configured (the test application has none; docs/agents.md).
   */
  private static boolean copilotWithoutModel(
      final Attack attack, final HttpResponse<String> response) throws Exception {
    return response.statusCode() == 503
        && attack.endpoint().path(attack.pathValue()).startsWith("/api/copilot/")
        && JSON.readTree(response.body())
            .path("type")
            .asText()
            .equals("https://openmineral.org/problems/no-model");
  }

  /**
   * Shapes, not requests: jqwik generates them before Spring has injected the test instance, so the
   * endpoint is an index into the mapped endpoints and object keys are either indexes into the
   * API's own field names (most of the time) or random strings.
   */
  @Provide
  Arbitrary<Shape> shapes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 9999),
            Arbitraries.of(USERS),
            pathValues(),
            Arbitraries.of(
                "application/json", "application/json", "application/json", "text/plain"),
            bodies())
        .as(Shape::new);
  }

  private Attack resolve(final Shape shape) throws Exception {
    final List<Endpoint> all = endpoints().all();
    final List<String> fields = new ArrayList<>(endpoints().bodyFieldNames());
    final Object body = shape.body();
    final String text =
        body instanceof RawBody raw ? raw.text() : JSON.writeValueAsString(withKeys(body, fields));
    return new Attack(
        all.get(shape.endpoint() % all.size()),
        shape.user(),
        shape.pathValue(),
        shape.contentType(),
        text);
  }

  /** Non-JSON or broken JSON, sent as it is. */
  record RawBody(String text) {}

  /** A generated object key that stands for the API field name at this index. */
  record FieldKey(int index) {}

  private static Object withKeys(final Object value, final List<String> fields) {
    if (value instanceof Map<?, ?> map) {
      final Map<String, Object> named = new java.util.LinkedHashMap<>();
      map.forEach(
          (key, child) ->
              named.put(
                  key instanceof FieldKey field
                      ? fields.get(field.index() % fields.size())
                      : String.valueOf(key),
                  withKeys(child, fields)));
      return named;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(child -> withKeys(child, fields)).toList();
    }
    return value;
  }

  private static Arbitrary<String> pathValues() {
    return Arbitraries.oneOf(
        Arbitraries.randomValue(
            random -> new java.util.UUID(random.nextLong(), random.nextLong()).toString()),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of(
            "0",
            "-1",
            "9223372036854775808",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "null",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%00",
            "%27%20OR%201%3D1--",
            "%F0%9F%92%A5",
            "a".repeat(2000)),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
  }

  private static Arbitrary<Object> bodies() {
    final Arbitrary<Object> json = Arbitraries.lazyOf(() -> value(3));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(7, json),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
                    "",
                    "null",
                    "[]",
                    "\"\"",
                    "{",
                    "{\"a\":}",
                    "{'single':'quotes'}",
                    "{\"x\": 1e99999}",
                    "{\"x\": -1e-99999}",
                    "{\"x\": 123456789012345678901234567890123456789012345678901234567890}",
                    "{\"username\": \"admin\", \"password\": [\"admin\"]}",
                    "\u0000\u0001\u0002",
                    "<xml/>")
                .map(text -> (Object) new RawBody(text))));
  }

  /** A JSON value: objects use the API's own field names most of the time. */
  private static Arbitrary<Object> value(final int depth) {
    final Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
            Arbitraries.of(
                "",
                " ",
                "NaN",
                "Infinity",
                "-0",
                "2026-02-30",
                "2026-11-24T25:61:00Z",
                "P-1M",
                "' OR '1'='1",
                "<script>alert(1)</script>",
                "../../etc/passwd",
                "${jndi:ldap://example.invalid/a}",
                "\u202e\u0000",
                "CU",
                "XX",
                "BUY",
                "APPROVE",
                "kyc.screen"),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.of(
                new BigDecimal("1E+400"),
                new BigDecimal("-1E+400"),
                new BigDecimal("1E-400"),
                BigDecimal.ZERO,
                new BigDecimal("-0.000001"),
                new BigDecimal("123456789012345678901234567890.123456789")),
            Arbitraries.of(true, false),
            Arbitraries.just(null));
    if (depth == 0) {
      return leaf;
    }
    final Arbitrary<Object> key =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                4, Arbitraries.integers().between(0, 9999).map(i -> (Object) new FieldKey(i))),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(k -> (Object) k)));
    final Arbitrary<Object> object =
        Arbitraries.maps(key, Arbitraries.lazy(() -> value(depth - 1)))
            .ofMaxSize(8)
            .map(map -> (Object) map);
    final Arbitrary<Object> array =
        Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(list -> (Object) list);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(1, array));
  }

  @Example
  void aPathTheWebServerRefusesItselfStillGetsAProblem() throws Exception {
    final HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url("/api/counterparties/%2e%2e%2f%2e%2e%2fetc%2fpasswd"))
                .timeout(NO_HANG)
                .header("Authorization", bearer("trader"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(400);
  }

  @Example
  void deeplyNestedJsonIsRefusedAsInvalidInput() throws Exception {
    for (final int depth : List.of(100, 100_000)) {
      // under a property the endpoint does not know, so that the parser walks into the nesting
      final String body = "{\"pad\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      final HttpResponse<String> response =
          post("/api/pricing/valuations", "application/json", body, false);

      assertThat(response.statusCode()).as("depth %d", depth).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("detail").asText())
          .as("depth %d", depth)
          .containsIgnoringCase("nesting");
    }
  }

  @Example
  void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsAnnouncedOrNot() throws Exception {
    final String body = "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    for (final boolean chunked : List.of(false, true)) {
      final HttpResponse<String> response =
          post("/api/pricing/valuations", "application/json", body, chunked);

      assertThat(response.statusCode()).as("chunked %s", chunked).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(JSON.readTree(response.body()).path("detail").asText())
          .contains("larger than 1048576 bytes");
    }
  }

  @Example
  void aBodyUnderTheLimitIsReadAsUsual() throws Exception {
    // padded with an unknown property to just under 1 MB: parsed, then refused for its content
    final String body = "{\"pad\":\"" + "x".repeat(1000 * 1000) + "\"}";
    final HttpResponse<String> response =
        post("/api/pricing/valuations", "application/json", body, true);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("type").asText()).endsWith("/invalid-input");
  }

  private HttpResponse<String> post(
      final String path, final String contentType, final String body, final boolean chunked)
      throws Exception {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(url(path))
            .timeout(NO_HANG)
            .header("Authorization", bearer("trader"))
            .header("Content-Type", contentType)
            .POST(
                chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(final Attack attack) throws Exception {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(url(attack.endpoint().path(attack.pathValue())))
            .timeout(NO_HANG)
            .header("Authorization", bearer(attack.user()));
    final HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.ofString(attack.body(), StandardCharsets.UTF_8);
    switch (attack.endpoint().method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default -> request.method(attack.endpoint().method(), body);
    }
    if (!"GET".equals(attack.endpoint().method())) {
      request.header("Content-Type", attack.contentType());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (final HttpTimeoutException e) {
      throw new AssertionError("no answer within " + NO_HANG + ": " + attack, e);
    }
  }
}
