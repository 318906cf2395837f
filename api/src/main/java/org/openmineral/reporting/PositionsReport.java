package org.openmineral.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open physical positions and their hedges by metal and counterparty: what the desk has bought
 * (long) and sold (short) on deals that are not finished, in dry tonnes and in contained metal, and
 * the open futures hedges booked against those deals.
 *
 * <p>Contained metal = dry tonnes x the deal's assay of its priced metal when that assay is in %;
 * dry tonnes = wet tonnes x (1 - moisture). Longs count positive, shorts negative; a BUY deal is
 * hedged by selling futures, so a fully hedged book nets to zero.
 */
@Component
class PositionsReport {
  static final List<String> OPEN_STATUSES =
      List.of("CAPTURED", "APPROVED", "IN_EXECUTION", "SETTLING");
  static final int TONNES_SCALE = 3;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  PositionsReport(final JdbcTemplate jdbc, final ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  record Row(
      String metal,
      String counterpartyId,
      String counterpartyName,
      String currency,
      int deals,
      BigDecimal dryTonnes,
      BigDecimal containedTonnes,
      BigDecimal hedgedTonnes,
      BigDecimal netTonnes,
      BigDecimal hedgeCoveragePct,
      BigDecimal value,
      int dealsWithoutPercentAssay) {}

  record MetalTotal(
      String metal,
      int deals,
      BigDecimal containedTonnes,
      BigDecimal hedgedTonnes,
      BigDecimal netTonnes,
      BigDecimal hedgeCoveragePct) {}

  record Report(Instant generatedAt, String desk, List<Row> rows, List<MetalTotal> totals) {}

  private static final class Group {
    final String metal;
    final String counterpartyId;
    final String counterpartyName;
    final String currency;
    int deals;
    int withoutPercentAssay;
    BigDecimal dry = BigDecimal.ZERO;
    BigDecimal contained = BigDecimal.ZERO;
    BigDecimal hedged = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;

    Group(final String metal, final String id, final String name, final String currency) {
      this.metal = metal;
      this.counterpartyId = id;
      this.counterpartyName = name;
      this.currency = currency;
    }
  }

  Report report(final String desk) {
    final Map<String, BigDecimal> hedgedByDeal = new HashMap<>();
    jdbc.query(
        """
        select deal_id, direction, sum(lots * lot_size) as tonnes
          from hedge where status = 'OPEN' group by deal_id, direction
        """,
        rs -> {
          final BigDecimal tonnes = rs.getBigDecimal("tonnes");
          hedgedByDeal.merge(
              rs.getString("deal_id"),
              "SELL".equals(rs.getString("direction")) ? tonnes.negate() : tonnes,
              BigDecimal::add);
        });
    final Map<String, Group> groups = new TreeMap<>();
    jdbc.query(
        """
        select d.id, d.counterparty_id, c.name, d.direction, d.metal, d.quantity, d.quantity_unit,
               d.moisture_pct, d.assays::text as assays, d.value_amount, d.value_currency
          from deal d join counterparty c on c.id = d.counterparty_id
         where d.status = any (?) and (cast(? as text) is null or d.desk = ?)
        """,
        rs -> {
          final String metal = rs.getString("metal");
          final String counterpartyId = rs.getString("counterparty_id");
          final String name = rs.getString("name");
          final String currency = rs.getString("value_currency");
          final Group group =
              groups.computeIfAbsent(
                  metal + "|" + name + "|" + counterpartyId + "|" + currency,
                  k -> new Group(metal, counterpartyId, name, currency));
          final BigDecimal sign =
              "SELL".equals(rs.getString("direction")) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
          final BigDecimal quantity = rs.getBigDecimal("quantity");
          final BigDecimal dry =
              "DMT".equals(rs.getString("quantity_unit"))
                  ? quantity
                  : quantity
                      .multiply(BigDecimal.valueOf(100).subtract(rs.getBigDecimal("moisture_pct")))
                      .divide(BigDecimal.valueOf(100), TONNES_SCALE, RoundingMode.HALF_UP);
          group.deals++;
          group.dry = group.dry.add(dry.multiply(sign));
          group.value = group.value.add(rs.getBigDecimal("value_amount"));
          final BigDecimal percent = percentAssay(rs.getString("assays"), metal);
          if (percent == null) {
            group.withoutPercentAssay++;
          } else {
            group.contained =
                group.contained.add(
                    dry.multiply(percent)
                        .divide(BigDecimal.valueOf(100), TONNES_SCALE, RoundingMode.HALF_UP)
                        .multiply(sign));
          }
          group.hedged =
              group.hedged.add(hedgedByDeal.getOrDefault(rs.getString("id"), BigDecimal.ZERO));
        },
        OPEN_STATUSES.toArray(String[]::new),
        desk,
        desk);
    final List<Row> rows = new ArrayList<>();
    final Map<String, BigDecimal[]> byMetal = new TreeMap<>();
    final Map<String, Integer> dealsByMetal = new TreeMap<>();
    for (final Group g : groups.values()) {
      final BigDecimal net = g.contained.add(g.hedged);
      rows.add(
          new Row(
              g.metal,
              g.counterpartyId,
              g.counterpartyName,
              g.currency,
              g.deals,
              tonnes(g.dry),
              tonnes(g.contained),
              tonnes(g.hedged),
              tonnes(net),
              coverage(g.contained, g.hedged),
              g.value.setScale(2, RoundingMode.HALF_UP),
              g.withoutPercentAssay));
      final BigDecimal[] sums =
          byMetal.computeIfAbsent(
              g.metal, m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(g.contained);
      sums[1] = sums[1].add(g.hedged);
      dealsByMetal.merge(g.metal, g.deals, Integer::sum);
    }
    final List<MetalTotal> totals = new ArrayList<>();
    byMetal.forEach(
        (metal, sums) ->
            totals.add(
                new MetalTotal(
                    metal,
                    dealsByMetal.get(metal),
                    tonnes(sums[0]),
                    tonnes(sums[1]),
                    tonnes(sums[0].add(sums[1])),
                    coverage(sums[0], sums[1]))));
    return new Report(Instant.now(), desk, List.copyOf(rows), List.copyOf(totals));
  }

  /** The hedged share of the physical position in %, 1 decimal; null without a position. */
  static BigDecimal coverage(final BigDecimal contained, final BigDecimal hedged) {
    if (contained.signum() == 0) {
      return null;
    }
    return hedged
        .negate()
        .multiply(BigDecimal.valueOf(100))
        .divide(contained, 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal tonnes(final BigDecimal value) {
    return value.setScale(TONNES_SCALE, RoundingMode.HALF_UP);
  }

  private BigDecimal percentAssay(final String assays, final String metal) {
    try {
      final JsonNode assay = json.readTree(assays).path(metal);
      if (!"PCT".equals(assay.path("unit").asText()) || !assay.path("value").isNumber()) {
        return null;
      }
      // the text of the number as stored, not a binary double's expansion
      return new BigDecimal(assay.path("value").asText());
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
