package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The read-only tool over the reference texts: {@code search_reference}. */
@Component
public class ReferenceTools {
  static final int LIMIT = 4;

  private final ReferenceLibrary library;

  public ReferenceTools(final ReferenceLibrary library) {
    this.library = library;
  }

  /** {@code search_reference}: the passages of the clause library or procedures nearest a query. */
  public AgentTool searchReference() {
    return new AgentTool(
        ToolSpecification.builder()
            .name("search_reference")
            .description(
                "Semantic search of the company's standard concentrate-contract clauses"
                    + " (collection 'clauses': quotational period, assays and umpire, payables,"
                    + " TC/RC, penalties, force majeure, sanctions, title and risk, weights and"
                    + " moisture, payment, shipment) and operating procedures ('procedures')."
                    + " Returns the best passages with a citation each. Reads only.")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("query", "what to look for, in plain words")
                    .addEnumProperty(
                        "collection", List.of("clauses", "procedures"), "optional: one collection")
                    .required("query")
                    .build())
            .build(),
        this::search);
  }

  private Object search(final JsonNode arguments) {
    final String query = ScreeningReviewTools.required(arguments, "query");
    final JsonNode collection = arguments.get("collection");
    final String only =
        collection == null || collection.isNull() || collection.asText().isBlank()
            ? null
            : collection.asText();
    if (only != null && !List.of("clauses", "procedures").contains(only)) {
      throw new IllegalArgumentException("collection must be 'clauses' or 'procedures'");
    }
    return library.search(query, only, LIMIT).stream()
        .map(
            p -> {
              final Map<String, Object> passage = new LinkedHashMap<>();
              passage.put("citation", p.citation());
              passage.put("score", Math.round(p.score() * 1000) / 1000.0);
              passage.put("text", p.text());
              return passage;
            })
        .toList();
  }
}
