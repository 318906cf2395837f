package org.openmineral.workers.settlement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The invoices and payments of the settlement process as the workers need them; the application
 * implements it on its database. Booking is idempotent: an invoice per job key, a payment per
 * message id, so a redelivered job or a duplicated message books nothing a second time.
 */
public interface SettlementBooks {

  /**
   * An invoice to book.
   *
   * @param jobKey the job that books it: the idempotency key
   * @param processInstanceKey the settlement instance
   * @param dealId the deal
   * @param lotId the lot
   * @param counterpartyId the counterparty invoiced
   * @param kind PROVISIONAL or FINAL
   * @param amount the provisional amount due, or the final value of the lot
   * @param currency ISO 4217 code
   * @param balance what is still to be paid on this invoice: the amount for a provisional invoice,
   *     the final value less the provisional invoices for a final one (negative: a refund)
   * @param lines the valuation lines, as JSON-ready maps
   */
  record NewInvoice(
      long jobKey,
      long processInstanceKey,
      String dealId,
      String lotId,
      String counterpartyId,
      String kind,
      BigDecimal amount,
      String currency,
      BigDecimal balance,
      List<Map<String, Object>> lines) {}

  /**
   * Books {@code invoice} unless its job already did.
   *
   * @return the invoice's id: the new one, or the one this job booked before
   * @throws RuntimeException on a technical failure
   */
  String bookInvoice(NewInvoice invoice);

  /**
   * A payment received against an invoice.
   *
   * @param messageId the payment's id, the message id of {@code payment-received}: the idempotency
   *     key
   * @param jobKey the job that records it
   * @param invoiceId the invoice paid
   * @param amount the amount received
   */
  record NewPayment(String messageId, long jobKey, String invoiceId, BigDecimal amount) {}

  /**
   * @param recorded true if written now, false if this payment was recorded before
   * @param paidTotal everything received against the invoice so far
   */
  record PaymentStatus(boolean recorded, BigDecimal paidTotal) {}

  /**
   * Records {@code payment} unless a payment with its message id was recorded before.
   *
   * @throws UnknownInvoice when no invoice has the id
   */
  PaymentStatus recordPayment(NewPayment payment);

  /** No invoice has the id the process carries. */
  class UnknownInvoice extends RuntimeException {
    public UnknownInvoice(final String message) {
      super(message);
    }
  }
}
