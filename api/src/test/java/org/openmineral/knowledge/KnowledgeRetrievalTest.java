package org.openmineral.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.workers.agent.ReferenceLibrary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retrieval over the clause library with the in-process all-MiniLM-L6-v2 embeddings stored in
 * PostgreSQL: quality on a labelled set of clause queries (hit@k, MRR), idempotent rebuilds and the
 * search API.
 */
class KnowledgeRetrievalTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired KnowledgeIndex index;

  record Labelled(String query, String document) {}

  @BeforeEach
  void indexIsBuilt() {
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> index.status().state() == KnowledgeIndex.State.READY);
  }

  @Test
  void labelledClauseQueriesFindTheirClause() throws IOException {
    final List<Labelled> labelled = labelled();
    int hit1 = 0;
    int hit3 = 0;
    int hit5 = 0;
    double reciprocalRanks = 0;
    final List<String> misses = new ArrayList<>();
    for (final Labelled l : labelled) {
      final List<String> documents =
          index.search(l.query(), "clauses", 10).stream()
              .map(ReferenceLibrary.Passage::document)
              .distinct()
              .toList();
      final int rank = documents.indexOf(l.document()) + 1;
      hit1 += rank == 1 ? 1 : 0;
      hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
      hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
      reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
      if (rank != 1) {
        misses.add(
            l.query()
                + " -> "
                + (documents.isEmpty() ? "-" : documents.get(0))
                + " (rank "
                + rank
                + ")");
      }
    }
    final int n = labelled.size();
    System.out.printf(
        "Clause retrieval, %d labelled queries (documents ranked by their best passage):"
            + " hit@1 %.3f, hit@3 %.3f, hit@5 %.3f, MRR %.3f%n",
        n, hit1 / (double) n, hit3 / (double) n, hit5 / (double) n, reciprocalRanks / n);
    misses.forEach(m -> System.out.println("  not first: " + m));

    assertThat(n).isGreaterThanOrEqualTo(25);
    assertThat(hit3 / (double) n).isGreaterThanOrEqualTo(0.9);
    assertThat(hit1 / (double) n).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void aRebuildReusesEveryStoredVector() {
    final KnowledgeIndex.Status again = index.build();

    assertThat(again.state()).isEqualTo(KnowledgeIndex.State.READY);
    assertThat(again.embedded()).isZero();
    assertThat(again.removed()).isZero();
    assertThat(again.reused()).isEqualTo(again.passages()).isGreaterThan(30);
    assertThat(index.collections()).containsKeys("clauses", "procedures");
  }

  @Test
  void searchApiAnswersWithCitablePassages() throws Exception {
    final HttpResponse<String> response =
        get(
            "/api/knowledge/search?limit=3&collection=clauses&q="
                + URLEncoder.encode("who pays for the umpire", StandardCharsets.UTF_8),
            "legal");

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("model").asText()).isEqualTo("all-MiniLM-L6-v2");
    assertThat(body.get("passages")).hasSize(3);
    final JsonNode best = body.get("passages").get(0);
    assertThat(best.get("document").asText()).isEqualTo("assays-and-umpire");
    assertThat(best.get("title").asText()).startsWith("Assays, splitting limits and umpire: ");
    assertThat(best.get("score").asDouble()).isBetween(0.3, 1.0);
  }

  @Test
  void searchApiNamesTheFieldItCannotAccept() throws Exception {
    final HttpResponse<String> missing = get("/api/knowledge/search", "trader");
    final HttpResponse<String> collection =
        get("/api/knowledge/search?q=payables&collection=recipes", "trader");
    final HttpResponse<String> limit = get("/api/knowledge/search?q=payables&limit=500", "trader");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(missing.body()).get("field").asText()).isEqualTo("q");
    assertThat(JSON.readTree(collection.body()).get("field").asText()).isEqualTo("collection");
    assertThat(JSON.readTree(limit.body()).get("field").asText()).isEqualTo("limit");
  }

  @Test
  void onlyAnAdminRebuildsTheIndex() throws Exception {
    final HttpClient http = HttpClient.newHttpClient();
    final HttpResponse<String> trader =
        http.send(
            HttpRequest.newBuilder(url("/api/knowledge/index"))
                .header("Authorization", bearer("trader"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    final HttpResponse<String> admin =
        http.send(
            HttpRequest.newBuilder(url("/api/knowledge/index"))
                .header("Authorization", bearer("admin"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(trader.statusCode()).isEqualTo(403);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("state").asText()).isEqualTo("READY");
  }

  private HttpResponse<String> get(final String path, final String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<Labelled> labelled() throws IOException {
    try (InputStream in =
        KnowledgeRetrievalTest.class.getResourceAsStream("/knowledge/clause-queries.tsv")) {
      final List<Labelled> labelled = new ArrayList<>();
      for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          final String[] parts = line.split("\t");
          labelled.add(new Labelled(parts[0].strip(), parts[1].strip()));
        }
      }
      return labelled;
    }
  }
}
