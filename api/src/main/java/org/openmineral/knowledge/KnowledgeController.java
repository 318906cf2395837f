package org.openmineral.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.platform.web.ServiceUnavailable;
import org.openmineral.workers.agent.ReferenceLibrary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference texts' search: {@code GET /api/knowledge/search} (every signed-in user), {@code GET
 * /api/knowledge/status} (every signed-in user) and {@code POST /api/knowledge/index} (admin: bring
 * the index up to date now).
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {
  static final int MAX_QUERY = 500;
  static final int MAX_LIMIT = 20;

  private final KnowledgeIndex index;
  private final KnowledgeProperties properties;

  KnowledgeController(final KnowledgeIndex index, final KnowledgeProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  @GetMapping("/search")
  Map<String, Object> search(
      @RequestParam(name = "q", required = false) final String query,
      @RequestParam(name = "collection", required = false) final String collection,
      @RequestParam(name = "limit", required = false) final String limit) {
    if (query == null || query.isBlank()) {
      throw new InvalidRequestField("q", "the query is required");
    }
    if (query.length() > MAX_QUERY) {
      throw new InvalidRequestField("q", "at most " + MAX_QUERY + " characters");
    }
    if (collection != null && !properties.collections().contains(collection)) {
      throw new InvalidRequestField(
          "collection", "must be one of " + String.join(", ", properties.collections()));
    }
    final int k = limit(limit);
    final List<ReferenceLibrary.Passage> passages;
    try {
      passages = index.search(query.strip(), collection, k);
    } catch (final IllegalStateException | java.io.UncheckedIOException e) {
      throw new ServiceUnavailable("The knowledge index is unavailable: " + e.getMessage());
    }
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", query.strip());
    answer.put("model", KnowledgeIndex.MODEL);
    answer.put(
        "passages",
        passages.stream()
            .map(
                p -> {
                  final Map<String, Object> passage = new LinkedHashMap<>();
                  passage.put("collection", p.collection());
                  passage.put("document", p.document());
                  passage.put("title", p.title());
                  passage.put("score", Math.round(p.score() * 10_000) / 10_000.0);
                  passage.put("text", p.text());
                  return passage;
                })
            .toList());
    return answer;
  }

  @GetMapping("/status")
  Map<String, Object> status() {
    final KnowledgeIndex.Status status = index.status();
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("state", status.state());
    answer.put("model", KnowledgeIndex.MODEL);
    answer.put("passages", status.passages());
    answer.put("collections", index.collections());
    answer.put("embedded", status.embedded());
    answer.put("reused", status.reused());
    answer.put("removed", status.removed());
    answer.put("builtAt", status.builtAt());
    answer.put("tookMillis", status.took() == null ? null : status.took().toMillis());
    answer.put("problem", status.problem());
    return answer;
  }

  @PostMapping("/index")
  Map<String, Object> rebuild() {
    index.build();
    return status();
  }

  private static int limit(final String limit) {
    if (limit == null) {
      return 5;
    }
    try {
      final int k = Integer.parseInt(limit.strip());
      if (k < 1 || k > MAX_LIMIT) {
        throw new InvalidRequestField("limit", "must be between 1 and " + MAX_LIMIT);
      }
      return k;
    } catch (final NumberFormatException e) {
      throw new InvalidRequestField("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
  }
}
