package org.openmineral.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openmineral.domain.reporting.HedgeTradeReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hedges booked in a period, with their fills, as the domain's {@link HedgeTradeReport}. */
@Component
class HedgeTradesReport {
  private final JdbcTemplate jdbc;
  private final String reportingLei;

  HedgeTradesReport(
      final JdbcTemplate jdbc, @Value("${openmineral.reporting.lei:}") final String reportingLei) {
    this.jdbc = jdbc;
    this.reportingLei = reportingLei;
  }

  HedgeTradeReport.Result report(final Instant from, final Instant to, final String desk) {
    final List<HedgeTradeReport.Hedge> hedges =
        jdbc.query(
            """
            select h.*, e.price, e.currency, e.executed_at, e.broker_lei
              from hedge h
              left join hedge_execution e on e.hedge_id = h.id
              left join deal d on d.id::text = h.deal_id
             where h.created_at >= ? and h.created_at < ?
               and (cast(? as text) is null or d.desk = ?)
             order by h.created_at, h.id
            """,
            (rs, i) -> {
              final Timestamp executedAt = rs.getTimestamp("executed_at");
              return new HedgeTradeReport.Hedge(
                  rs.getString("id"),
                  rs.getString("deal_id"),
                  rs.getString("metal"),
                  rs.getString("exchange"),
                  rs.getString("contract"),
                  rs.getLong("lots"),
                  rs.getBigDecimal("lot_size"),
                  rs.getString("direction"),
                  rs.getTimestamp("created_at").toInstant(),
                  executedAt == null
                      ? null
                      : new HedgeTradeReport.Execution(
                          price(rs.getBigDecimal("price")),
                          rs.getString("currency"),
                          executedAt.toInstant(),
                          rs.getString("broker_lei")));
            },
            Timestamp.from(from),
            Timestamp.from(to),
            desk,
            desk);
    return HedgeTradeReport.of(reportingLei, hedges);
  }

  /** The stored price (6 places) with its trailing zeros dropped, keeping at least 2 places. */
  static BigDecimal price(final BigDecimal stored) {
    final BigDecimal stripped = stored.stripTrailingZeros();
    return stored.setScale(Math.max(2, stripped.scale()), RoundingMode.UNNECESSARY);
  }
}
