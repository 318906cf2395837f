package org.openmineral.copilot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmineral.workers.agent.AgentTool;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The copilot's {@code propose_action} tool: the model may propose a call of the application's own
 * API (e.g. reserve credit, start a pre-deal analysis) which the user then confirms by making that
 * call themselves, under their own rights. Nothing is executed here: a proposal is checked against
 * the endpoints the application maps (method and path) and handed to the user.
 */
@Component
class CopilotProposals {
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** An action proposed to the user. */
  record Proposal(String title, String method, String path, JsonNode body) {}

  private final List<Map.Entry<String, Pattern>> endpoints;

  CopilotProposals(
      @Qualifier("requestMappingHandlerMapping") final RequestMappingHandlerMapping mapping) {
    this.endpoints =
        mapping.getHandlerMethods().keySet().stream()
            .flatMap(info -> entries(info).stream())
            .filter(e -> METHODS.contains(e.getKey().split(" ")[0]))
            .map(e -> Map.entry(e.getKey().split(" ")[0], e.getValue()))
            .toList();
  }

  private static List<Map.Entry<String, Pattern>> entries(final RequestMappingInfo info) {
    final Set<String> patterns = info.getPatternValues();
    final Set<org.springframework.web.bind.annotation.RequestMethod> methods =
        info.getMethodsCondition().getMethods();
    return patterns.stream()
        .filter(p -> p.startsWith("/api/") && !p.startsWith("/api/copilot"))
        .flatMap(
            p ->
                methods.stream()
                    .map(
                        m ->
                            Map.entry(
                                m.name() + " " + p,
                                Pattern.compile(p.replaceAll("\\{[^/]+}", "[^/]+")))))
        .toList();
  }

  /** Whether {@code method path} is an endpoint of the application (never the copilot itself). */
  boolean known(final String method, final String path) {
    final String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return endpoints.stream()
        .anyMatch(e -> e.getKey().equals(method) && e.getValue().matcher(bare).matches());
  }

  /** The tool; each accepted proposal goes to {@code sink}. */
  AgentTool tool(final java.util.function.Consumer<Proposal> sink) {
    return new AgentTool(
        ToolSpecification.builder()
            .name("propose_action")
            .description(
                "Proposes an action to the user as a call of the OpenMineral API that the user"
                    + " confirms and makes themselves (you cannot change anything): a title, the"
                    + " HTTP method (POST, PUT, PATCH, DELETE), the path (e.g."
                    + " /api/counterparties/{id}/credit-reservations) and the JSON body.")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("title", "what the action does, for the user")
                    .addEnumProperty("method", List.copyOf(METHODS))
                    .addStringProperty("path", "the API path with ids filled in")
                    .addStringProperty("body", "the JSON body as text, or empty")
                    .required("title", "method", "path")
                    .build())
            .build(),
        arguments -> {
          final String title = arguments.path("title").asText("").strip();
          final String method = arguments.path("method").asText("").strip().toUpperCase();
          final String path = arguments.path("path").asText("").strip();
          if (title.isEmpty()) {
            throw new IllegalArgumentException("title is required");
          }
          if (!METHODS.contains(method) || !known(method, path)) {
            throw new IllegalArgumentException(
                method + " " + path + " is not an action of the OpenMineral API");
          }
          JsonNode body = null;
          final String text = arguments.path("body").asText("");
          if (!text.isBlank()) {
            try {
              body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
              throw new IllegalArgumentException("body is not JSON");
            }
          }
          sink.accept(new Proposal(title, HttpMethod.valueOf(method).name(), path, body));
          final Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("proposed", true);
          answer.put(
              "note", "shown to the user, who confirms it through the API; nothing was done");
          return answer;
        });
  }
}
