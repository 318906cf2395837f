package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmineral.domain.screening.EntryType;
import org.openmineral.domain.screening.ScreeningMatch;
import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;
import org.openmineral.workers.kyc.SanctionsScreening;
import org.springframework.stereotype.Component;

/** The read-only tools of the screening agents: sanctions screening and counterparty look-up. */
@Component
public class ScreeningReviewTools {
  static final int MAX_MATCHES = 10;

  private final SanctionsScreening screening;
  private final CounterpartyLookup counterparties;

  public ScreeningReviewTools(
      final SanctionsScreening screening, final CounterpartyLookup counterparties) {
    this.screening = screening;
    this.counterparties = counterparties;
  }

  /** {@code screen_name}: screens one name against the loaded lists. */
  public AgentTool screenName() {
    return new AgentTool(
        ToolSpecification.builder()
            .name("screen_name")
            .description(
                "Screens a name against the OFAC sanctions lists (SDN and consolidated) and returns"
                    + " the potential matches, best first, with the listed name, score, list and why"
                    + " it matched. Reads only.")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("name", "the name to screen")
                    .addEnumProperty(
                        "type", List.of("ENTITY", "INDIVIDUAL", "VESSEL"), "the kind of party")
                    .required("name", "type")
                    .build())
            .build(),
        this::screen);
  }

  /** {@code counterparty}: the counterparty's record. */
  public AgentTool counterparty() {
    return new AgentTool(
        ToolSpecification.builder()
            .name("counterparty")
            .description(
                "The counterparty's record by id: name, type, country, disclosed owners, KYC status,"
                    + " risk rating, latest screening decision and how many KYC outcomes it has."
                    + " Reads only.")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the counterparty id (a UUID)")
                    .required("id")
                    .build())
            .build(),
        arguments -> {
          final String id = required(arguments, "id");
          return counterparties
              .find(id)
              .<Object>map(c -> c)
              .orElseGet(() -> Map.of("error", "no counterparty with id " + id));
        });
  }

  private Object screen(final JsonNode arguments) {
    final String name = required(arguments, "name");
    final EntryType type;
    try {
      type = EntryType.valueOf(required(arguments, "type").toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException("type must be ENTITY, INDIVIDUAL or VESSEL");
    }
    final ScreeningResult result = screening.screen(new ScreeningRequest(name, type, null, null));
    final List<Map<String, Object>> matches =
        result.matches().stream().limit(MAX_MATCHES).map(ScreeningReviewTools::match).toList();
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("screenedName", name);
    answer.put("matchCount", result.matches().size());
    answer.put("matches", matches);
    return answer;
  }

  private static Map<String, Object> match(final ScreeningMatch match) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("entryId", match.entryId());
    m.put("listedName", match.name());
    m.put("matchedName", match.matchedName());
    m.put("score", match.score());
    m.put("list", match.list());
    m.put("type", match.type().name());
    m.put("reason", match.reason());
    return m;
  }

  static String required(final JsonNode arguments, final String field) {
    final JsonNode value = arguments.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("argument '" + field + "' is required");
    }
    return value.asText().strip();
  }
}
