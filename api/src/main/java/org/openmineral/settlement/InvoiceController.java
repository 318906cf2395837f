package org.openmineral.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openmineral.platform.security.Desks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/invoices?dealId=}: the invoices the settlement process booked (of one deal, or
 * every deal), with what was paid against each. Users with a desk see their desk's deals' invoices
 * only. Who may read them is configured in {@code SecurityConfiguration} (the deal readers).
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {
  private final JdbcTemplate jdbc;

  InvoiceController(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param amount PROVISIONAL: the amount due; FINAL: the lot's final value
   * @param balance what the invoice asks to be paid (negative: a refund)
   * @param paid the payments matched to it
   */
  record Invoice(
      String id,
      String dealId,
      String lotId,
      String kind,
      BigDecimal amount,
      BigDecimal balance,
      BigDecimal paid,
      BigDecimal outstanding,
      String currency,
      Instant createdAt) {}

  @GetMapping
  List<Invoice> list(
      @RequestParam(required = false) final String dealId, final Authentication user) {
    final String desk = Desks.of(user);
    return jdbc.query(
        """
        select i.id, i.deal_id, i.lot_id, i.kind, i.amount, i.balance, i.outstanding, i.currency,
               i.created_at, coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0) as paid
          from invoice i
          left join deal d on d.id::text = i.deal_id
         where (cast(? as text) is null or i.deal_id = ?)
           and (cast(? as text) is null or d.desk = ?)
         order by i.created_at, i.id
         limit 1000
        """,
        (rs, i) ->
            new Invoice(
                rs.getString("id"),
                rs.getString("deal_id"),
                rs.getString("lot_id"),
                rs.getString("kind"),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("balance"),
                rs.getBigDecimal("paid"),
                rs.getBigDecimal("outstanding"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant()),
        dealId,
        dealId,
        desk,
        desk);
  }
}
