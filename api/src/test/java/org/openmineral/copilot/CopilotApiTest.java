package org.openmineral.copilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.agent.ScriptedChatModel.answer;
import static org.openmineral.agent.ScriptedChatModel.failure;
import static org.openmineral.agent.ScriptedChatModel.toolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.agent.ScriptedAgentModels;
import org.openmineral.agent.ScriptedStreamingChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/copilot/chat} over real HTTP: 503 without a model, and with a scripted streaming
 * model a streamed answer from read-only tools with its citations, a proposed action and every step
 * in the transcript.
 */
class CopilotApiTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ScriptedAgentModels models;
  @Autowired JdbcTemplate jdbc;

  record Event(String name, JsonNode data) {}

  @Test
  void withoutAModelTheCopilotAnswers503SayingSo() throws Exception {
    final HttpResponse<String> response =
        post("trader", Map.of("message", "What is my copper exposure?"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    final JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("https://openmineral.org/problems/no-model");
    assertThat(problem.get("detail").asText()).contains("No language model is configured");
    assertThat(problem.get("status").asInt()).isEqualTo(503);
  }

  @Test
  void aQuestionIsRequiredAndOnlyDeskRolesMayAsk() throws Exception {
    final HttpResponse<String> empty = post("trader", Map.of("message", " "));
    final HttpResponse<String> badConversation =
        post("trader", Map.of("message", "hi", "conversationId", "../../etc"));
    final HttpResponse<String> auditor = post("auditor", Map.of("message", "hi"));

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("field").asText()).isEqualTo("message");
    assertThat(JSON.readTree(badConversation.body()).get("field").asText())
        .isEqualTo("conversationId");
    assertThat(auditor.statusCode()).isEqualTo(403);
  }

  @Test
  void answerIsStreamedFromReadOnlyToolsWithCitationsAndAProposedAction() throws Exception {
    final String conversation = UUID.randomUUID().toString();
    final String text =
        "If the umpire's result is outside both results, the party further from it pays [1]."
            + " Series available: see [2].";
    final ScriptedStreamingChatModel model =
        new ScriptedStreamingChatModel(
            toolCall(
                "search_reference",
                "{\"query\": \"who pays for the umpire assay\", \"collection\": \"clauses\"}"),
            toolCall("price_series", "{}"),
            toolCall(
                "propose_action",
                "{\"title\": \"Nothing real\", \"method\": \"POST\", \"path\": \"/api/nowhere\"}"),
            toolCall(
                "propose_action",
                "{\"title\": \"Run a pre-deal analysis for copper\", \"method\": \"POST\","
                    + " \"path\": \"/api/market-data/pre-deal-analysis\","
                    + " \"body\": \"{\\\"metal\\\": \\\"Cu\\\"}\"}"),
            answer(text));
    models.script(conversation, model);

    final List<Event> events =
        stream("trader", Map.of("message", "Who pays the umpire?", "conversationId", conversation));

    assertThat(events.get(0).name()).isEqualTo("conversation");
    assertThat(events.getLast().name()).isEqualTo("done");
    final List<Event> tools = events.stream().filter(e -> e.name().equals("tool")).toList();
    assertThat(tools.get(0).data().get("n").asInt()).isEqualTo(1);
    assertThat(tools.get(0).data().get("tool").asText()).isEqualTo("search_reference");
    assertThat(tools.get(1).data().get("source").asText()).startsWith("market data");
    final String streamed =
        events.stream()
            .filter(e -> e.name().equals("token"))
            .map(e -> e.data().get("text").asText())
            .reduce("", String::concat);
    assertThat(streamed).isEqualTo(text);
    final JsonNode done = events.getLast().data();
    assertThat(done.get("answer").asText()).isEqualTo(text);
    assertThat(done.get("conversationId").asText()).isEqualTo(conversation);
    assertThat(done.get("citations")).hasSize(2);
    assertThat(done.get("proposals")).hasSize(1);
    final JsonNode proposal = done.get("proposals").get(0);
    assertThat(proposal.get("path").asText()).isEqualTo("/api/market-data/pre-deal-analysis");
    assertThat(proposal.get("body").get("metal").asText()).isEqualTo("Cu");
    assertThat(events).extracting(Event::name).contains("proposal");
    // the clause search answered from the library; the unknown endpoint was refused to the model
    final String clauses =
        ((ToolExecutionResultMessage) model.requests().get(1).messages().getLast()).text();
    assertThat(clauses).contains("assays-and-umpire").contains("\"cite\":\"[1]\"");
    final String refused =
        ((ToolExecutionResultMessage) model.requests().get(3).messages().getLast()).text();
    assertThat(refused).contains("is not an action of the OpenMineral API");

    final List<Map<String, Object>> transcript =
        jdbc.queryForList(
            "select kind, actor from agent_transcript where conversation = ? order by sequence",
            conversation);
    assertThat(transcript)
        .extracting(r -> r.get("kind"))
        .containsExactly(
            "PROMPT",
            "ANSWER",
            "TOOL_CALL",
            "ANSWER",
            "TOOL_CALL",
            "ANSWER",
            "TOOL_CALL",
            "ANSWER",
            "TOOL_CALL",
            "ANSWER",
            "OUTCOME");
    assertThat(transcript).extracting(r -> r.get("actor")).containsOnly("trader");
  }

  @Test
  void aFailingModelEndsTheStreamWithAnError() throws Exception {
    final String conversation = UUID.randomUUID().toString();
    models.script(conversation, new ScriptedStreamingChatModel(failure("HTTP 429 rate limited")));

    final List<Event> events =
        stream("risk", Map.of("message", "VaR of the book?", "conversationId", conversation));

    assertThat(events.getLast().name()).isEqualTo("error");
    assertThat(events.getLast().data().get("cause").asText()).isEqualTo("MODEL_ERROR");
    assertThat(events.getLast().data().get("reason").asText()).contains("HTTP 429 rate limited");
  }

  private HttpResponse<String> post(final String user, final Map<String, Object> body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(request(user, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(final String user, final Map<String, Object> body) throws Exception {
    return HttpRequest.newBuilder(url("/api/copilot/chat"))
        .header("Authorization", bearer(user))
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  /** The server-sent events of one answer, read as they arrive until the stream ends. */
  private List<Event> stream(final String user, final Map<String, Object> body) throws Exception {
    final HttpResponse<java.io.InputStream> response =
        HttpClient.newHttpClient()
            .send(request(user, body), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    final List<Event> events = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = null;
      final StringBuilder data = new StringBuilder();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5));
        } else if (line.isEmpty() && name != null) {
          events.add(new Event(name, JSON.readTree(data.toString())));
          name = null;
          data.setLength(0);
        }
      }
    }
    return events;
  }
}
