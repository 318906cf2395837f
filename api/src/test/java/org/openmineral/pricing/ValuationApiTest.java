package org.openmineral.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

public class ValuationApiTest extends ApplicationTest {
  /** The request of the pricing API's specification. */
  public static final String EXAMPLE =
      """
      { "wetTonnes": 10000, "moisturePct": 8.0,
        "assays": {"Cu": {"value": 25.0, "unit": "PCT"}, "Au": {"value": 1.5, "unit": "G_PER_DMT"}, "As": {"value": 0.35, "unit": "PCT"}},
        "payables": [{"element": "Cu", "payablePct": 96.5, "minDeductionUnits": 1.0}, {"element": "Au", "payablePct": 90, "minContent": 1.0}],
        "treatmentCharge": {"usdPerDmt": 80},
        "refiningCharges": [{"element": "Cu", "amount": 0.08, "unit": "USD_PER_LB"}, {"element": "Au", "amount": 5, "unit": "USD_PER_OZT"}],
        "penalties": [{"element": "As", "thresholdPct": 0.2, "stepPct": 0.1, "usdPerStep": 3.0, "proRata": true}],
        "prices": {"Cu": {"value": 9000, "unit": "USD_PER_T"}, "Au": {"value": 2000, "unit": "USD_PER_OZT"}} }
      """;

  @Autowired ObjectMapper json;

  @Test
  void specificationExampleReturnsNsrLotValueAndSignedLines() throws Exception {
    // when
    final HttpResponse<String> response = post(EXAMPLE);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode body = json.readTree(response.body());
    assertThat(body.get("dryTonnes").decimalValue()).isEqualByComparingTo("9200");
    assertThat(body.get("nsrPerDmt").decimalValue()).isEqualByComparingTo("2119.7612");
    assertThat(body.get("lotValue").decimalValue()).isEqualByComparingTo("19501803.44");
    assertThat(body.get("currency").asText()).isEqualTo("USD");
    assertThat(body.get("lines")).hasSize(6);
    final JsonNode arsenic = body.get("lines").get(5);
    assertThat(arsenic.get("kind").asText()).isEqualTo("PENALTY");
    assertThat(arsenic.get("element").asText()).isEqualTo("As");
    assertThat(arsenic.get("amountPerDmt").decimalValue()).isEqualByComparingTo("-4.5");
    assertThat(body.get("lines").get(0).get("unit").asText()).isEqualTo("T");
    assertThat(body.get("lines").get(0).get("quantity").decimalValue())
        .isEqualByComparingTo("2208");
  }

  @Test
  void missingPriceForAPayableElementIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    ((ObjectNode) request.get("prices")).remove("Au");

    assertProblem(post(request.toString()), "prices.Au");
  }

  @Test
  void negativeTonnageIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    request.put("wetTonnes", -5);

    assertProblem(post(request.toString()), "wetTonnes");
  }

  @Test
  void moistureOfAHundredPercentIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    request.put("moisturePct", 100);

    assertProblem(post(request.toString()), "moisturePct");
  }

  @Test
  void unknownUnitIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    ((ObjectNode) request.get("assays").get("Cu")).put("unit", "PERCENT_ISH");

    final JsonNode problem = assertProblem(post(request.toString()), "assays.Cu.unit");
    assertThat(problem.get("detail").asText()).contains("PERCENT_ISH").contains("G_PER_DMT");
  }

  @Test
  void textWhereANumberBelongsIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    request.put("wetTonnes", "ten thousand");

    assertProblem(post(request.toString()), "wetTonnes");
  }

  @Test
  void unknownElementIsAProblemNamingTheField() throws Exception {
    final ObjectNode request = (ObjectNode) json.readTree(EXAMPLE);
    ((ObjectNode) request.get("payables").get(1)).put("element", "Unobtainium");

    assertProblem(post(request.toString()), "payables[1].element");
  }

  private JsonNode assertProblem(final HttpResponse<String> response, final String field)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    final JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("type").asText())
        .isEqualTo("https://openmineral.org/problems/invalid-input");
    assertThat(problem.get("field").asText()).isEqualTo(field);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
    return problem;
  }

  private HttpResponse<String> post(final String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/pricing/valuations"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer("trader"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
