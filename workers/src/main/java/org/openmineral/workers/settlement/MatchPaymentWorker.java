package org.openmineral.workers.settlement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmineral.workers.settlement.SettlementVariables.InvalidSettlementInput;
import org.springframework.stereotype.Component;

/**
 * Job type {@code settlement.match-payment}: records the payment a message brought ({@code
 * paymentId}, {@code paymentAmount}) against an invoice ({@code invoiceId}) and matches everything
 * received for it so far to the amount due ({@code amountDue}). The settlement process uses it for
 * both invoices of a lot, mapping {@code invoiceId} and {@code amountDue} from the final invoice's
 * id and balance, or from the provisional invoice's id and amount. Instances of settlement versions
 * without those mappings (deployed before the provisional invoice's payment was awaited) give
 * {@code finalInvoiceId} and {@code balance}, which stand in for them.
 *
 * <p>Writes {@code paidTotal}, {@code outstanding} ({@code amountDue − paidTotal}) and {@code
 * paymentOutcome}: PAID_IN_FULL, UNDERPAID or OVERPAID. Idempotent per payment id: the same payment
 * delivered twice is counted once.
 */
@Component
public class MatchPaymentWorker {
  public static final String TYPE = "settlement.match-payment";

  private final SettlementBooks books;

  public MatchPaymentWorker(final SettlementBooks books) {
    this.books = books;
  }

  /** The variables the job reads. */
  public record Input(
      String invoiceId,
      BigDecimal amountDue,
      String finalInvoiceId,
      BigDecimal balance,
      String paymentId,
      BigDecimal paymentAmount) {

    /** The invoice paid: {@code invoiceId}, or {@code finalInvoiceId} where it is not mapped. */
    String invoice() {
      return invoiceId != null ? invoiceId : finalInvoiceId;
    }

    /** What the invoice asks: {@code amountDue}, or {@code balance} where it is not mapped. */
    BigDecimal due() {
      return invoiceId != null ? amountDue : balance;
    }
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {
        "invoiceId",
        "amountDue",
        "finalInvoiceId",
        "balance",
        "paymentId",
        "paymentAmount"
      })
  public Map<String, Object> match(final ActivatedJob job, @VariablesAsType final Input input) {
    final SettlementBooks.PaymentStatus status;
    final boolean mapped = input.invoiceId() != null;
    try {
      SettlementVariables.required(input.invoice(), mapped ? "invoiceId" : "finalInvoiceId");
      SettlementVariables.required(input.due(), mapped ? "amountDue" : "balance");
      SettlementVariables.required(input.paymentId(), "paymentId");
      if (SettlementVariables.required(input.paymentAmount(), "paymentAmount").signum() <= 0) {
        throw new InvalidSettlementInput("paymentAmount", "must be positive");
      }
    } catch (final InvalidSettlementInput e) {
      throw SettlementVariables.incident("Cannot match the payment", e);
    }
    try {
      status =
          books.recordPayment(
              new SettlementBooks.NewPayment(
                  input.paymentId(), job.getKey(), input.invoice(), input.paymentAmount()));
    } catch (final SettlementBooks.UnknownInvoice e) {
      throw SettlementVariables.incident("Cannot match the payment", e);
    } catch (final RuntimeException e) {
      throw SettlementVariables.retry(
          "Recording payment " + input.paymentId(), job.getRetries(), e);
    }
    final BigDecimal outstanding = input.due().subtract(status.paidTotal());
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("paidTotal", status.paidTotal());
    out.put("outstanding", outstanding);
    out.put(
        "paymentOutcome",
        switch (outstanding.signum()) {
          case 0 -> "PAID_IN_FULL";
          case 1 -> "UNDERPAID";
          default -> "OVERPAID";
        });
    return out;
  }
}
