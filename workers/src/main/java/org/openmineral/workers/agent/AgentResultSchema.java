package org.openmineral.workers.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) an agent's answer must satisfy, loaded from the class path
 * ({@code agents/<name>.schema.json}). Every result schema has {@code confidence} (0..1) and {@code
 * reasons} (at least one); the model is given the schema text in its instructions, and its answer
 * is validated here before anything reads it.
 */
public final class AgentResultSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private final JsonSchema schema;

  private AgentResultSchema(final String text) {
    this.text = text;
    this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    final JsonNode properties = schema.getSchemaNode().path("properties");
    if (!properties.has("confidence") || !properties.has("reasons")) {
      throw new IllegalArgumentException("a result schema must define confidence and reasons");
    }
  }

  /** The schema at {@code classpath:agents/<name>.schema.json}. */
  public static AgentResultSchema load(final String name) {
    final String path = "agents/" + name + ".schema.json";
    try (InputStream in = AgentResultSchema.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no result schema on the class path: " + path);
      }
      return new AgentResultSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as JSON text, as the model is shown it. */
  public String text() {
    return text;
  }

  /**
   * Reads an answer: the JSON object in {@code answer} (a Markdown code fence around it is
   * tolerated).
   *
   * @throws InvalidResult when the answer holds no JSON object
   */
  public JsonNode parse(final String answer) {
    if (answer == null || answer.isBlank()) {
      throw new InvalidResult(List.of("the answer is empty"), null);
    }
    String body = answer.strip();
    if (body.startsWith("```")) {
      body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
    }
    try {
      final JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new InvalidResult(List.of("the answer is not a JSON object"), null);
      }
      return node;
    } catch (final JsonProcessingException e) {
      throw new InvalidResult(List.of("the answer is not JSON: " + e.getOriginalMessage()), null);
    }
  }

  /** The schema violations of {@code result}, empty when it is valid. */
  public List<String> violations(final JsonNode result) {
    return schema.validate(result).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** An answer that is not a valid result; {@code draft} is what could be read of it, or null. */
  public static final class InvalidResult extends RuntimeException {
    private final List<String> problems;
    private final transient JsonNode draft;

    public InvalidResult(final List<String> problems, final JsonNode draft) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
      this.draft = draft;
    }

    public List<String> problems() {
      return problems;
    }

    public JsonNode draft() {
      return draft;
    }
  }
}
