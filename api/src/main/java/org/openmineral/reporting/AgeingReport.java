package org.openmineral.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoices not yet settled, by age: each invoice's balance less the payments matched to it, aged
 * from its issue date (UTC) to the report date in the buckets 0-30, 31-60, 61-90 and over 90 days.
 * A deal we sold makes a receivable, one we bought a payable; invoices of lots that are not deals
 * of the deal book (settlement run on its own) are {@code UNKNOWN}.
 */
@Component
class AgeingReport {
  static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "90+");

  private final JdbcTemplate jdbc;

  AgeingReport(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      String invoiceId,
      String dealId,
      String counterpartyId,
      String counterpartyName,
      String kind,
      String side,
      LocalDate issuedOn,
      long ageDays,
      String bucket,
      BigDecimal balance,
      BigDecimal paid,
      BigDecimal outstanding,
      String currency) {}

  record BucketTotal(
      String side, String currency, String bucket, int invoices, BigDecimal outstanding) {}

  record Report(LocalDate asOf, String desk, List<Row> rows, List<BucketTotal> totals) {}

  Report report(final LocalDate asOf, final String desk) {
    final List<Row> rows = new ArrayList<>();
    jdbc.query(
        """
        select i.id, i.deal_id, i.counterparty_id, c.name, i.kind, d.direction, i.created_at,
               i.balance, i.currency,
               coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0) as paid
          from invoice i
          left join deal d on d.id::text = i.deal_id
          left join counterparty c on c.id::text = i.counterparty_id
         where i.created_at < ? and (cast(? as text) is null or d.desk = ?)
         order by i.created_at, i.id
        """,
        rs -> {
          final BigDecimal balance = rs.getBigDecimal("balance");
          final BigDecimal paid = rs.getBigDecimal("paid");
          final BigDecimal outstanding = balance.subtract(paid);
          if (outstanding.signum() == 0) {
            return;
          }
          final LocalDate issued =
              rs.getTimestamp("created_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
          final long age = ChronoUnit.DAYS.between(issued, asOf);
          final String direction = rs.getString("direction");
          rows.add(
              new Row(
                  rs.getString("id"),
                  rs.getString("deal_id"),
                  rs.getString("counterparty_id"),
                  rs.getString("name"),
                  rs.getString("kind"),
                  direction == null
                      ? "UNKNOWN"
                      : "SELL".equals(direction) ? "RECEIVABLE" : "PAYABLE",
                  issued,
                  age,
                  bucket(age),
                  balance,
                  paid,
                  outstanding,
                  rs.getString("currency")));
        },
        java.sql.Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
        desk,
        desk);
    final Map<String, BucketTotal> totals = new TreeMap<>();
    for (final Row row : rows) {
      totals.merge(
          row.side() + "|" + row.currency() + "|" + BUCKETS.indexOf(row.bucket()),
          new BucketTotal(row.side(), row.currency(), row.bucket(), 1, row.outstanding()),
          (a, b) ->
              new BucketTotal(
                  a.side(),
                  a.currency(),
                  a.bucket(),
                  a.invoices() + b.invoices(),
                  a.outstanding().add(b.outstanding())));
    }
    return new Report(asOf, desk, List.copyOf(rows), List.copyOf(totals.values()));
  }

  static String bucket(final long ageDays) {
    if (ageDays <= 30) {
      return BUCKETS.get(0);
    }
    if (ageDays <= 60) {
      return BUCKETS.get(1);
    }
    return ageDays <= 90 ? BUCKETS.get(2) : BUCKETS.get(3);
  }
}
