package org.openmineral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every endpoint of /api, with the bearer scheme; the UI loads. */
class OpenApiTest extends ApplicationTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theDocumentDescribesEveryApiEndpointAndItsBearerScheme() throws Exception {
    final HttpResponse<String> response = get("/v3/api-docs");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    final JsonNode document = new ObjectMapper().readTree(response.body());
    assertThat(document.path("openapi").asText()).startsWith("3.");
    assertThat(
            document
                .path("components")
                .path("securitySchemes")
                .path("bearer")
                .path("scheme")
                .asText())
        .isEqualTo("bearer");
    final Set<String> documented = new HashSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    final Set<String> served = new HashSet<>();
    for (final ApiEndpoints.Endpoint endpoint : ApiEndpoints.of(mappings).all()) {
      served.add(endpoint.method() + " " + endpoint.template());
    }
    assertThat(served).isNotEmpty();
    assertThat(documented).containsAll(served);
    assertThat(documented).contains("POST /api/deals", "GET /api/tasks", "POST /api/auth/token");
  }

  @Test
  void theSeriesKindFilterAndTheFxSourceOfThePnlAreDocumented() throws Exception {
    final JsonNode paths = new ObjectMapper().readTree(get("/v3/api-docs").body()).path("paths");
    assertThat(parameters(paths.path("/api/market-data/series").path("get"))).contains("kind");
    assertThat(parameters(paths.path("/api/reports/pnl").path("get")))
        .contains("fxSource", "market");
  }

  private static Set<String> parameters(final JsonNode operation) {
    final Set<String> names = new HashSet<>();
    operation.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  @Test
  void swaggerUiIsServedAndTheDocumentNeedsNoToken() throws Exception {
    final HttpResponse<String> ui = get("/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
    // the API behind the document still needs one
    assertThat(get("/api/deals").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(final String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
