package org.openmineral.copilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.toolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.agent.ScriptedAgentModels;
import org.openmineral.agent.ScriptedChatModel;
import org.openmineral.pricing.ValuationApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/copilot/pre-deal-brief}: the agent briefs on a proposed copper deal from the
 * market-data analysis and the clause library, with scripted chat models; without a model 503.
 */
class PreDealBriefApiTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ScriptedAgentModels models;

  @BeforeEach
  void copperPricesAreImported() throws Exception {
    final HttpResponse<String> imported = upload(Files.readAllBytes(extract()));
    assertThat(imported.statusCode()).isIn(200, 201);
  }

  @Test
  void withoutAModelTheBriefIs503ButABadDealIs400First() throws Exception {
    final HttpResponse<String> noModel = post("trader", deal(null));
    final ObjectNode noMetal = deal(null);
    noMetal.remove("metal");
    final HttpResponse<String> bad = post("trader", noMetal);

    assertThat(noModel.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(noModel.body()).get("type").asText())
        .isEqualTo("https://openmineral.org/problems/no-model");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("metal");
  }

  @Test
  void theAgentBriefsFromTheAnalysisAndCitesTheClauseLibrary() throws Exception {
    final String conversation = UUID.randomUUID().toString();
    final ScriptedChatModel model =
        new ScriptedChatModel(
            toolCall(
                "search_reference",
                "{\"query\": \"declaring the quotational period\", \"collection\": \"clauses\"}"),
            brief("clauses/quotational-period", "0.86"));
    models.script(conversation, model);

    final HttpResponse<String> response = post("trader", deal(conversation));

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("outcome").asText()).isEqualTo("BRIEF");
    final String point = body.get("analysis").get("qpBand").get("point").asText();
    assertThat(body.get("brief").get("marketView").asText()).contains(point);
    assertThat(body.get("brief").get("suggestedTerms").get(0).get("citation").asText())
        .isEqualTo("clauses/quotational-period");
    final String clauses =
        ((ToolExecutionResultMessage) model.requests().get(1).messages().getLast()).text();
    assertThat(clauses).contains("clauses/quotational-period");
  }

  @Test
  void aBriefCitingAClauseTheLibraryLacksEscalatesWithItsDraft() throws Exception {
    final String conversation = UUID.randomUUID().toString();
    models.script(conversation, new ScriptedChatModel(brief("clauses/price-guarantees", "0.95")));

    final JsonNode body = JSON.readTree(post("desk-head", deal(conversation)).body());

    assertThat(body.get("outcome").asText()).isEqualTo("ESCALATED");
    assertThat(body.get("cause").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.get("reason").asText()).contains("clauses/price-guarantees");
    assertThat(body.get("draft").get("recommendation").asText())
        .isEqualTo("PROCEED_WITH_CONDITIONS");
    assertThat(body.get("analysis").get("qpBand")).isNotNull();
  }

  /** A brief quoting the analysis' QP point forecast and citing {@code citation}. */
  private static Function<ChatRequest, AiMessage> brief(
      final String citation, final String confidence) {
    return request -> {
      final JsonNode analysis = facts(request).get("preDealAnalysis");
      final ObjectNode brief = JSON.createObjectNode();
      brief.put("headline", "Copper QP Feb-Apr 2026: proceed with a declared QP");
      brief.put(
          "marketView",
          "Expected QP average "
              + analysis.get("qpBand").get("point").asText()
              + " USD/t within "
              + analysis.get("qpBand").get("lower").asText()
              + " to "
              + analysis.get("qpBand").get("upper").asText()
              + ".");
      brief
          .putArray("risks")
          .addObject()
          .put("risk", "Price falls before the QP")
          .put("mitigation", "Hedge the payable copper on the LME");
      brief
          .putArray("suggestedTerms")
          .addObject()
          .put("term", "Quotational period")
          .put("suggestion", "Keep the buyer's option to declare M+1 to M+3")
          .put("citation", citation);
      brief.put("recommendation", "PROCEED_WITH_CONDITIONS");
      brief.put("confidence", new java.math.BigDecimal(confidence));
      brief.putArray("reasons").add("QP band of the pre-deal analysis");
      return AiMessage.from(brief.toString());
    };
  }

  private static JsonNode facts(final ChatRequest request) {
    for (final ChatMessage message : request.messages()) {
      if (message instanceof UserMessage user) {
        final String text = user.singleText();
        try {
          return JSON.readTree(text.substring(text.indexOf('\n') + 1));
        } catch (final IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no deal in the request");
  }

  private static ObjectNode deal(final String conversation) throws IOException {
    final ObjectNode request = JSON.createObjectNode();
    request.put("metal", "Cu");
    request.put("qpFirst", "2026-02");
    request.put("qpLast", "2026-04");
    request.set("valuation", JSON.readTree(ValuationApiTest.EXAMPLE));
    if (conversation != null) {
      request.put("conversationId", conversation);
    }
    return request;
  }

  private HttpResponse<String> post(final String user, final JsonNode body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/copilot/pre-deal-brief"))
                .header("Authorization", bearer(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(final byte[] content) throws Exception {
    final String boundary = "----openmineral" + UUID.randomUUID();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"metals_monthly_nominal_usd.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/market-data/imports"))
                .header("Authorization", bearer("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Path extract() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      final Path candidate =
          dir.resolve("reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("reference-data not found");
  }
}
