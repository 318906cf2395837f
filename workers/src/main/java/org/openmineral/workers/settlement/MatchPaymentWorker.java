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
 * Job type {@code settlement.match-payment}: records the payment the {@code payment-received}
 * message brought ({@code paymentId}, {@code paymentAmount}) against the final invoice ({@code
 * finalInvoiceId}) and matches everything received so far to its {@code balance}.
 *
 * <p>Writes {@code paidTotal}, {@code outstanding} ({@code balance − paidTotal}) and {@code
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
      String finalInvoiceId, BigDecimal balance, String paymentId, BigDecimal paymentAmount) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"finalInvoiceId", "balance", "paymentId", "paymentAmount"})
  public Map<String, Object> match(final ActivatedJob job, @VariablesAsType final Input input) {
    final SettlementBooks.PaymentStatus status;
    try {
      SettlementVariables.required(input.finalInvoiceId(), "finalInvoiceId");
      SettlementVariables.required(input.balance(), "balance");
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
                  input.paymentId(), job.getKey(), input.finalInvoiceId(), input.paymentAmount()));
    } catch (final SettlementBooks.UnknownInvoice e) {
      throw SettlementVariables.incident("Cannot match the payment", e);
    } catch (final RuntimeException e) {
      throw SettlementVariables.retry(
          "Recording payment " + input.paymentId(), job.getRetries(), e);
    }
    final BigDecimal outstanding = input.balance().subtract(status.paidTotal());
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
