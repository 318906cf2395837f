package org.openmineral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;

/**
 * The web app served by the application: its files, its routes falling back to {@code index.html}
 * without hiding the API's problems, the diagram of a deployed process, and the live events.
 */
class WebAppTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheAppAndItsRoutesWithoutASignIn() throws Exception {
    final HttpResponse<String> root = get("/", null, null);
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(root.body()).contains("<div id=\"root\"></div>");

    // a route of the app, reloaded in the browser
    final HttpResponse<String> route = get("/tasks/2251799813685427", null, null);
    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.body()).isEqualTo(root.body());
    assertThat(route.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");

    final String script =
        root.body()
            .replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
    final HttpResponse<String> asset = get(script, null, null);
    assertThat(asset.statusCode()).as(script).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
  }

  @Test
  void theApiAndMissingFilesKeepTheirProblems() throws Exception {
    for (final String path : List.of("/api/no-such-endpoint", "/assets/missing.js")) {
      final HttpResponse<String> response = get(path, bearer("admin"), null);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .startsWith("application/problem+json");
    }
    // without a token the API still asks for one instead of answering the app
    final HttpResponse<String> anonymous = get("/api/tasks", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void drawsTheDiagramOfADeployedProcessDefinition() throws Exception {
    final JsonNode definitions =
        JSON.readTree(get("/api/process-definitions", bearer("trader"), null).body());
    final JsonNode onboarding =
        StreamSupport.stream(definitions.spliterator(), false)
            .filter(d -> d.get("id").asText().equals("counterparty-onboarding"))
            .findFirst()
            .orElseThrow();

    final HttpResponse<String> xml =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    get(
                        "/api/process-definitions/" + onboarding.get("key").asLong() + "/xml",
                        bearer("trader"),
                        null),
                r -> r.statusCode() == 200);

    assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(xml.body()).contains("bpmn:definitions").contains("id=\"counterparty-onboarding\"");
    final HttpResponse<String> unknown =
        get("/api/process-definitions/42/xml", bearer("trader"), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("processDefinitionKey").asLong()).isEqualTo(42);
  }

  @Test
  void streamsTheDomainEventsOfANewCounterpartyAndItsTask() throws Exception {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Lines subscriber = new Lines(lines);
    final var stream =
        http.sendAsync(
            HttpRequest.newBuilder(url("/api/events"))
                .header("Authorization", bearer("compliance"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));

      final HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(url("/api/counterparties"))
                  .header("Authorization", bearer("trader"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              Map.of(
                                  "name", "Streamed Ores Ltd",
                                  "type", "ENTITY",
                                  "country", "AU",
                                  "ultimateBeneficialOwners", List.of("Sam Streamer"),
                                  "ownershipDisclosed", true))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      final String id = JSON.readTree(created.body()).get("id").asText();

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  events(lines).stream()
                          .anyMatch(
                              e ->
                                  e.get("type").asText().equals("counterparty.created")
                                      && e.get("id").asText().equals(id))
                      && events(lines).stream()
                          .anyMatch(e -> e.get("type").asText().equals("task.created")));
      assertThat(lines).contains("event:domain");
    } finally {
      subscriber.cancel();
      stream.cancel(true);
    }
  }

  @Test
  void theEventStreamNeedsAClientThatAcceptsIt() throws Exception {
    final HttpResponse<String> response = get("/api/events", bearer("trader"), "application/json");
    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(LiveEvents.acceptsEventStream("text/event-stream")).isTrue();
    assertThat(LiveEvents.acceptsEventStream("*/*")).isFalse();
    assertThat(LiveEvents.acceptsEventStream("nonsense;;")).isFalse();
  }

  private static List<JsonNode> events(final List<String> lines) {
    return lines.stream()
        .filter(line -> line.startsWith("data:"))
        .map(
            line -> {
              try {
                return JSON.readTree(line.substring(5));
              } catch (final Exception e) {
                throw new IllegalStateException(line, e);
              }
            })
        .toList();
  }

  private HttpResponse<String> get(
      final String path, final String authorization, final String accept) throws Exception {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(15)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Collects the lines of a stream until cancelled. */
  private static final class Lines implements Flow.Subscriber<String> {
    private final List<String> lines;
    private volatile Flow.Subscription subscription;

    Lines(final List<String> lines) {
      this.lines = lines;
    }

    @Override
    public void onSubscribe(final Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(final String line) {
      lines.add(line);
    }

    @Override
    public void onError(final Throwable throwable) {}

    @Override
    public void onComplete() {}

    void cancel() {
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
