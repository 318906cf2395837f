package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a deal has on paper, read where each document lives: the contract draft in its trade
 * lifecycle's variables ({@code contractReference}, {@code contractSummary}, {@code contractDraft},
 * as the drafting agent or legal's "Draft contract" left them, read from the audit projection's
 * {@code history_variable}, which both engine modes fill), the invoices the settlement booked
 * ({@code invoice}, with their payments) and the closing report ({@code deal.report}).
 */
@Component
class DealDocuments {
  static final List<String> CONTRACT_VARIABLES =
      List.of("contractReference", "contractSummary", "contractDraft");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  DealDocuments(final JdbcTemplate jdbc, final ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The contract as the process holds it now, and when it was last written. */
  record Contract(String reference, String summary, String draft, Instant writtenAt) {

    /** The contract as Markdown: reference, summary and the draft's text. */
    String markdown(final Deal deal) {
      final StringBuilder text = new StringBuilder();
      text.append("# Contract ")
          .append(reference == null ? "(no reference yet)" : reference)
          .append("\n\n");
      text.append("Deal ")
          .append(deal.id())
          .append(": ")
          .append(deal.direction())
          .append(' ')
          .append(deal.commodity())
          .append(", desk ")
          .append(deal.desk())
          .append(".\n\n");
      if (summary != null) {
        text.append("## Summary\n\n").append(summary).append("\n\n");
      }
      if (draft != null) {
        text.append("## Draft\n\n").append(draft).append('\n');
      }
      return text.toString();
    }
  }

  /** An invoice the settlement booked for the deal (its lot), with what was paid against it. */
  record Invoice(
      UUID id,
      String kind,
      BigDecimal amount,
      BigDecimal balance,
      BigDecimal paid,
      String currency,
      Instant createdAt,
      JsonNode lines) {}

  /** The contract draft of the deal's trade lifecycle, if anybody or the agent wrote one. */
  Optional<Contract> contract(final Deal deal) {
    if (deal.processInstanceKey() == null) {
      return Optional.empty();
    }
    final Map<String, String> values = new LinkedHashMap<>();
    final Instant[] last = {null};
    jdbc.query(
        """
        select distinct on (name) name, value, changed_at
          from history_variable
         where process_instance_key = ? and name = any (?)
         order by name, position desc
        """,
        rs -> {
          values.put(rs.getString("name"), rs.getString("value"));
          final Instant at = rs.getTimestamp("changed_at").toInstant();
          if (last[0] == null || at.isAfter(last[0])) {
            last[0] = at;
          }
        },
        deal.processInstanceKey(),
        CONTRACT_VARIABLES.toArray(String[]::new));
    final String reference = text(values.get("contractReference"));
    final String summary = text(values.get("contractSummary"));
    final String draft = text(values.get("contractDraft"));
    if (reference == null && summary == null && draft == null) {
      return Optional.empty();
    }
    return Optional.of(new Contract(reference, summary, draft, last[0]));
  }

  /** The deal's invoices, oldest first. */
  List<Invoice> invoices(final Deal deal) {
    return jdbc.query(
        """
        select i.id, i.kind, i.amount, i.balance, i.currency, i.created_at, i.lines,
               coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0) as paid
          from invoice i
         where i.deal_id = ?
         order by i.created_at, i.id
         limit 100
        """,
        (rs, n) ->
            new Invoice(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("balance"),
                rs.getBigDecimal("paid"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant(),
                tree(rs.getString("lines"))),
        deal.id().toString());
  }

  /** A variable's value (JSON text, as the engine wrote it) as text; null for null or blank. */
  private String text(final String jsonValue) {
    if (jsonValue == null) {
      return null;
    }
    final JsonNode node = tree(jsonValue);
    if (node == null || node.isNull()) {
      return null;
    }
    final String text = node.isTextual() ? node.asText() : node.toString();
    return text.isBlank() ? null : text;
  }

  private JsonNode tree(final String jsonText) {
    if (jsonText == null) {
      return null;
    }
    try {
      return json.readTree(jsonText);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      return json.getNodeFactory().textNode(jsonText);
    }
  }
}
