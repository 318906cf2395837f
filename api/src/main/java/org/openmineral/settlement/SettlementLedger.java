package org.openmineral.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.openmineral.workers.settlement.SettlementBooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' {@link SettlementBooks} on the database (tables {@code invoice} and {@code payment},
 * migration V4). An invoice is inserted keyed by the booking job ({@code on conflict do nothing})
 * and its id read back, so a redelivered job, even one running concurrently with the first
 * delivery, gets the invoice the first booked. A payment is keyed by its message id the same way.
 */
@Component
class SettlementLedger implements SettlementBooks {
  private static final Logger LOG = LoggerFactory.getLogger(SettlementLedger.class);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  SettlementLedger(final JdbcTemplate jdbc, final ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  @Transactional
  public String bookInvoice(final NewInvoice invoice) {
    final String lines;
    try {
      lines = json.writeValueAsString(invoice.lines());
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("invoice lines cannot be written as JSON", e);
    }
    final int inserted =
        jdbc.update(
            """
            insert into invoice
              (id, deal_id, lot_id, counterparty_id, kind, amount, currency, balance, lines,
               process_instance_key, created_by_job_key, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            on conflict (created_by_job_key) do nothing
            """,
            UUID.randomUUID(),
            invoice.dealId(),
            invoice.lotId(),
            invoice.counterpartyId(),
            invoice.kind(),
            invoice.amount(),
            invoice.currency(),
            invoice.balance(),
            lines,
            invoice.processInstanceKey(),
            invoice.jobKey(),
            Timestamp.from(clock.instant()));
    final UUID id =
        jdbc.queryForObject(
            "select id from invoice where created_by_job_key = ?", UUID.class, invoice.jobKey());
    if (inserted == 0) {
      LOG.info(
          "{} invoice of job {} (lot {}) already booked as {}; nothing written.",
          invoice.kind(),
          invoice.jobKey(),
          invoice.lotId(),
          id);
    }
    return id.toString();
  }

  @Override
  @Transactional
  public PaymentStatus recordPayment(final NewPayment payment) {
    final UUID invoiceId;
    try {
      invoiceId = UUID.fromString(payment.invoiceId());
    } catch (final IllegalArgumentException e) {
      throw new UnknownInvoice("'" + payment.invoiceId() + "' is not an invoice id (a UUID)");
    }
    final Integer invoices =
        jdbc.queryForObject("select count(*) from invoice where id = ?", Integer.class, invoiceId);
    if (invoices == null || invoices == 0) {
      throw new UnknownInvoice("no invoice with id " + invoiceId);
    }
    final int inserted =
        jdbc.update(
            """
            insert into payment (id, invoice_id, amount, message_id, job_key, received_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (message_id) do nothing
            """,
            UUID.randomUUID(),
            invoiceId,
            payment.amount(),
            payment.messageId(),
            payment.jobKey(),
            Timestamp.from(clock.instant()));
    if (inserted == 0) {
      LOG.info("Payment {} already recorded; nothing written.", payment.messageId());
    }
    final BigDecimal paid =
        jdbc.queryForObject(
            "select coalesce(sum(amount), 0) from payment where invoice_id = ?",
            BigDecimal.class,
            invoiceId);
    return new PaymentStatus(inserted > 0, paid);
  }
}
