package org.openmineral.copilot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.openmineral.credit.CreditReservations;
import org.openmineral.deal.DealLookups;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.marketdata.MarketPrices;
import org.openmineral.platform.security.Roles;
import org.openmineral.task.UserTaskFilter;
import org.openmineral.task.UserTaskQueries;
import org.openmineral.task.UserTaskView;
import org.openmineral.workers.agent.AgentTool;
import org.openmineral.workers.agent.CounterpartyLookup;
import org.openmineral.workers.agent.ReferenceTools;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The copilot's read-only tools. Each answer carries a {@code source} naming the data it came from,
 * which the copilot numbers and cites; each runs in a read-only transaction, in which PostgreSQL
 * refuses any write.
 */
@Component
class CopilotTools {
  static final int MAX_PRICES = 60;
  static final int MAX_TASKS = 20;
  static final int MAX_DEALS = 50;
  static final int EXPOSURE_DEALS = 1000;

  private final MarketPrices prices;
  private final CounterpartyLookup counterparties;
  private final CreditReservations credit;
  private final UserTaskQueries tasks;
  private final ReferenceTools reference;
  private final DealLookups deals;
  private final TransactionTemplate readOnly;

  CopilotTools(
      final MarketPrices prices,
      final CounterpartyLookup counterparties,
      final CreditReservations credit,
      final UserTaskQueries tasks,
      final ReferenceTools reference,
      final DealLookups deals,
      final PlatformTransactionManager transactions) {
    this.deals = deals;
    this.prices = prices;
    this.counterparties = counterparties;
    this.credit = credit;
    this.tasks = tasks;
    this.reference = reference;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * The tools for one user: their roles decide which tasks they see, their desk (null: every desk)
   * which deals.
   */
  List<AgentTool> forUser(final String user, final List<String> roles, final String desk) {
    final List<AgentTool> tools = new ArrayList<>();
    tools.add(
        tool(
            "deals",
            "The user's deals (their desk's; every desk for users without one), newest first, at"
                + " most "
                + MAX_DEALS
                + ": id, status, stage, direction, metal, quantity, value, counterparty. Optional"
                + " status filter (CAPTURED, APPROVED, IN_EXECUTION, SETTLING, CLOSED, ...). Reads"
                + " only.",
            JsonObjectSchema.builder().addStringProperty("status").build(),
            arguments -> {
              final String status =
                  arguments.hasNonNull("status") && !arguments.get("status").asText().isBlank()
                      ? arguments.get("status").asText().strip()
                      : null;
              return sourced(
                  "deals of " + (desk == null ? "every desk" : "desk " + desk),
                  deals.list(status, desk, MAX_DEALS));
            }));
    tools.add(
        tool(
            "deal",
            "One deal by id with its terms and its counterparty's KYC state. Reads only.",
            JsonObjectSchema.builder().addStringProperty("id").required("id").build(),
            arguments -> {
              final String id = text(arguments, "id");
              final var found = deals.find(id);
              if (found.isEmpty() || (desk != null && !desk.equals(deals.desk(id).orElse(null)))) {
                return Map.of("error", "no deal " + id + " on your desk");
              }
              return sourced("deal " + id, found.get());
            }));
    tools.add(
        tool(
            "exposure",
            "The open (not finished) deals' value by metal and direction, for the user's desk."
                + " Reads only.",
            JsonObjectSchema.builder().build(),
            arguments -> exposure(desk)));
    tools.add(
        tool(
            "price_series",
            "The market data series available: metal prices, FX rates (FX:EUR/USD/ECB, quote"
                + " currency per one base) and TC/RC benchmarks (TC:Cu/BENCHMARK/USD_PER_DMT);"
                + " code, kind, unit, first and last date, last value. Reads only.",
            JsonObjectSchema.builder().build(),
            arguments -> series()));
    tools.add(
        tool(
            "prices",
            "Prices of one series between two dates (ISO yyyy-mm-dd, both optional; the latest "
                + MAX_PRICES
                + " at most). Reads only.",
            JsonObjectSchema.builder()
                .addStringProperty("series", "the series code from price_series")
                .addStringProperty("from", "first date, yyyy-mm-dd")
                .addStringProperty("to", "last date, yyyy-mm-dd")
                .required("series")
                .build(),
            this::prices));
    tools.add(
        tool(
            "counterparty",
            "A counterparty by id: name, type, country, KYC status, risk rating, latest screening."
                + " Reads only.",
            JsonObjectSchema.builder().addStringProperty("id").required("id").build(),
            arguments -> {
              final String id = text(arguments, "id");
              return counterparties
                  .find(id)
                  .<Object>map(c -> sourced("counterparty " + id, c))
                  .orElseGet(() -> Map.of("error", "no counterparty with id " + id));
            }));
    tools.add(
        tool(
            "credit_headroom",
            "A counterparty's credit: limit, open invoices, reservations and headroom. Reads only.",
            JsonObjectSchema.builder()
                .addStringProperty("counterpartyId")
                .required("counterpartyId")
                .build(),
            this::credit));
    tools.add(
        tool(
            "my_tasks",
            "The user's open tasks (assigned to them or offered to their roles), newest first."
                + " Reads only.",
            JsonObjectSchema.builder().build(),
            arguments -> myTasks(user, roles)));
    final AgentTool search = reference.searchReference();
    tools.add(
        new AgentTool(
            search.specification(),
            arguments ->
                sourced("clause library and procedures", search.lookUp().apply(arguments))));
    return tools;
  }

  private AgentTool tool(
      final String name,
      final String description,
      final JsonObjectSchema parameters,
      final Function<JsonNode, Object> lookUp) {
    return new AgentTool(
        ToolSpecification.builder()
            .name(name)
            .description(description)
            .parameters(parameters)
            .build(),
        arguments -> readOnly.execute(status -> lookUp.apply(arguments)));
  }

  private Object exposure(final String desk) {
    final Map<String, Map<String, Object>> lines = new java.util.TreeMap<>();
    int open = 0;
    for (final Map<String, Object> deal : deals.list(null, desk, EXPOSURE_DEALS)) {
      if (Boolean.TRUE.equals(deal.get("finished"))) {
        continue;
      }
      open++;
      final String key =
          deal.get("metal") + " " + deal.get("direction") + " " + deal.get("currency");
      final Map<String, Object> line =
          lines.computeIfAbsent(
              key,
              k -> {
                final Map<String, Object> l = new LinkedHashMap<>();
                l.put("metal", deal.get("metal"));
                l.put("direction", deal.get("direction"));
                l.put("currency", deal.get("currency"));
                l.put("deals", 0);
                l.put("value", java.math.BigDecimal.ZERO);
                return l;
              });
      line.put("deals", (Integer) line.get("deals") + 1);
      line.put(
          "value",
          ((java.math.BigDecimal) line.get("value")).add((java.math.BigDecimal) deal.get("value")));
    }
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("openDeals", open);
    answer.put("lines", List.copyOf(lines.values()));
    return sourced("open deals of " + (desk == null ? "every desk" : "desk " + desk), answer);
  }

  private Object series() {
    final List<Map<String, Object>> all = new ArrayList<>();
    for (final SeriesId id : prices.ids()) {
      prices
          .find(id)
          .ifPresent(
              s -> {
                final Map<String, Object> view = new LinkedHashMap<>();
                view.put("code", id.toString());
                view.put("kind", id.kind().name());
                view.put("unit", id.unitName());
                final List<PriceFixing> fixings = s.fixingsBetween(LocalDate.MIN, LocalDate.MAX);
                if (!fixings.isEmpty()) {
                  view.put("first", fixings.get(0).date());
                  view.put("last", fixings.get(fixings.size() - 1).date());
                  view.put("lastPrice", fixings.get(fixings.size() - 1).value());
                }
                all.add(view);
              });
    }
    return sourced("market data: series list", all);
  }

  private Object prices(final JsonNode arguments) {
    final String code = text(arguments, "series");
    final SeriesId id;
    try {
      id = SeriesId.parse(code);
    } catch (final RuntimeException e) {
      throw new IllegalArgumentException("unknown series code '" + code + "'");
    }
    final var series =
        prices.find(id).orElseThrow(() -> new IllegalArgumentException("no series " + code));
    final LocalDate from = date(arguments, "from", LocalDate.MIN);
    final LocalDate to = date(arguments, "to", LocalDate.MAX);
    final List<PriceFixing> fixings = series.fixingsBetween(from, to);
    final List<PriceFixing> latest =
        fixings.subList(Math.max(0, fixings.size() - MAX_PRICES), fixings.size());
    final String range =
        latest.isEmpty() ? "no prices" : latest.get(0).date() + ".." + latest.getLast().date();
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("series", code);
    answer.put("count", fixings.size());
    answer.put("prices", latest);
    return sourced("market data " + code + " " + range, answer);
  }

  private Object credit(final JsonNode arguments) {
    final String id = text(arguments, "counterpartyId");
    final UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException("counterpartyId must be a UUID");
    }
    return sourced("credit of counterparty " + id, credit.credit(uuid));
  }

  private Object myTasks(final String user, final List<String> roles) {
    final UserTaskFilter filter =
        new UserTaskFilter(null, null, null, new UserTaskFilter.Viewer(user, roles), false);
    final List<Map<String, Object>> open = new ArrayList<>();
    for (final UserTaskView task : tasks.search(filter, MAX_TASKS)) {
      final Map<String, Object> view = new LinkedHashMap<>();
      view.put("key", task.key());
      view.put("name", task.name());
      view.put("process", task.processDefinitionId());
      view.put("processInstanceKey", task.processInstanceKey());
      view.put("assignee", task.assignee());
      view.put("candidateGroups", task.candidateGroups());
      view.put("dueDate", task.dueDate());
      open.add(view);
    }
    return sourced("open tasks of " + user, open);
  }

  static List<String> roles(final org.springframework.security.core.Authentication user) {
    return Roles.ALL.stream()
        .filter(
            role ->
                user.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.authorityName(role))))
        .toList();
  }

  /**
   * The user's desk as the deal API sees it: the token's {@code desk} claim; admins and users
   * without one see every desk.
   */
  static String desk(
      final org.springframework.security.core.Authentication user, final List<String> roles) {
    if (roles.contains(Roles.ADMIN)) {
      return null;
    }
    if (user
        instanceof
        org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken
            token) {
      final String desk = token.getToken().getClaimAsString("desk");
      return desk == null || desk.isBlank() ? null : desk;
    }
    return null;
  }

  private static Map<String, Object> sourced(final String source, final Object data) {
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("source", source);
    answer.put("data", data);
    return answer;
  }

  private static String text(final JsonNode arguments, final String field) {
    final JsonNode value = arguments.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("argument '" + field + "' is required");
    }
    return value.asText().strip();
  }

  private static LocalDate date(
      final JsonNode arguments, final String field, final LocalDate otherwise) {
    final JsonNode value = arguments.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.asText().strip());
    } catch (final DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a date yyyy-mm-dd");
    }
  }
}
