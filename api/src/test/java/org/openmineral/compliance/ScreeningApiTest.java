package org.openmineral.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Screening over HTTP against the real OFAC snapshots shipped in reference-data/. */
class ScreeningApiTest extends ApplicationTest {
  @Autowired ObjectMapper json;

  @Test
  void misspelledListedBankIsAPotentialMatchBestFirst() throws Exception {
    // given SDN-306 BANCO NACIONAL DE CUBA, with a letter dropped and the country as an ISO code
    final HttpResponse<String> response =
        post("{\"name\": \"Banco Nacinal de Cuba\", \"type\": \"ENTITY\", \"country\": \"CU\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode body = json.readTree(response.body());
    assertThat(body.get("decision").asText()).isEqualTo("POTENTIAL_MATCH");
    final JsonNode best = body.get("matches").get(0);
    assertThat(best.get("entryId").asText()).isEqualTo("SDN-306");
    assertThat(best.get("list").asText()).isEqualTo("OFAC-SDN");
    assertThat(best.get("score").decimalValue())
        .isBetween(new java.math.BigDecimal("0.89"), java.math.BigDecimal.ONE);
    assertThat(best.get("reason").asText()).isNotBlank();
    for (int i = 1; i < body.get("matches").size(); i++) {
      assertThat(body.get("matches").get(i).get("score").decimalValue())
          .isLessThanOrEqualTo(body.get("matches").get(i - 1).get("score").decimalValue());
    }
  }

  @Test
  void ordinaryTradingHouseIsClear() throws Exception {
    final HttpResponse<String> response =
        post("{\"name\": \"Nordic Copper Trading AB\", \"type\": \"ENTITY\", \"country\": \"SE\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("decision").asText()).isEqualTo("CLEAR");
  }

  @Test
  void missingNameIsAProblemNamingTheField() throws Exception {
    assertProblem(post("{\"type\": \"ENTITY\"}"), "name");
  }

  @Test
  void unknownTypeIsAProblemNamingTheField() throws Exception {
    assertProblem(post("{\"name\": \"Acme\", \"type\": \"SHIPPING_LINE\"}"), "type");
  }

  @Test
  void unknownCountryCodeIsAProblemNamingTheField() throws Exception {
    assertProblem(post("{\"name\": \"Acme\", \"country\": \"XQ\"}"), "country");
  }

  private void assertProblem(final HttpResponse<String> response, final String field)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
  }

  private HttpResponse<String> post(final String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/compliance/screenings"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer("compliance"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
