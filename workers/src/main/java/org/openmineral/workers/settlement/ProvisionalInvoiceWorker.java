package org.openmineral.workers.settlement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmineral.domain.assay.InvalidAssayException;
import org.openmineral.domain.invoicing.ProvisionalInvoice;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.workers.settlement.SettlementVariables.Quantity;
import org.openmineral.workers.settlement.SettlementVariables.Terms;
import org.springframework.stereotype.Component;

/**
 * Job type {@code settlement.provisional-invoice}: values the lot at provisional weights, assays
 * and prices ({@link ConcentrateValuer}) and books the provisional invoice ({@link
 * ProvisionalInvoice}, {@code provisionalPct} of the value).
 *
 * <p>Writes {@code provisionalInvoiceId}, {@code provisionalValue}, {@code provisionalAmount},
 * {@code currency}. Bad input fails the job without retries (an incident names the variable); a
 * database failure is retried. Idempotent: the invoice is booked per job key.
 */
@Component
public class ProvisionalInvoiceWorker {
  public static final String TYPE = "settlement.provisional-invoice";

  private final SettlementBooks books;
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  public ProvisionalInvoiceWorker(final SettlementBooks books) {
    this.books = books;
  }

  /** The variables the job reads. */
  public record Input(
      String dealId,
      String lotId,
      String counterpartyId,
      BigDecimal wetTonnes,
      BigDecimal moisturePct,
      BigDecimal franchisePct,
      Map<String, Quantity> provisionalAssays,
      Map<String, Quantity> provisionalPrices,
      BigDecimal provisionalPct,
      Terms terms) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {
        "dealId",
        "lotId",
        "counterpartyId",
        "wetTonnes",
        "moisturePct",
        "franchisePct",
        "provisionalAssays",
        "provisionalPrices",
        "provisionalPct",
        "terms"
      })
  public Map<String, Object> invoice(final ActivatedJob job, @VariablesAsType final Input input) {
    final ProvisionalInvoice invoice;
    try {
      invoice = provisional(valuer, input);
    } catch (final IllegalArgumentException | InvalidAssayException e) {
      throw SettlementVariables.incident("Cannot value the lot provisionally", e);
    }
    final Valuation valuation = invoice.valuation();
    final String id;
    try {
      id =
          books.bookInvoice(
              new SettlementBooks.NewInvoice(
                  job.getKey(),
                  job.getProcessInstanceKey(),
                  input.dealId(),
                  input.lotId(),
                  input.counterpartyId(),
                  "PROVISIONAL",
                  invoice.amountDue().amount(),
                  invoice.amountDue().currency().getCurrencyCode(),
                  invoice.amountDue().amount(),
                  SettlementVariables.lines(valuation)));
    } catch (final RuntimeException e) {
      throw SettlementVariables.retry(
          "Booking the provisional invoice of lot " + input.lotId(), job.getRetries(), e);
    }
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("provisionalInvoiceId", id);
    out.put("provisionalValue", valuation.lotValue().amount());
    out.put("provisionalAmount", invoice.amountDue().amount());
    out.put("currency", invoice.amountDue().currency().getCurrencyCode());
    return out;
  }

  /** The provisional invoice of the lot; the final invoice recomputes it the same way. */
  static ProvisionalInvoice provisional(final ConcentrateValuer valuer, final Input input) {
    SettlementVariables.required(input.lotId(), "lotId");
    SettlementVariables.required(input.dealId(), "dealId");
    SettlementVariables.required(input.counterpartyId(), "counterpartyId");
    final Valuation valuation =
        valuer.value(
            SettlementVariables.lot(
                input.wetTonnes(),
                input.moisturePct(),
                input.franchisePct(),
                input.provisionalAssays(),
                "provisionalAssays"),
            SettlementVariables.valuationTerms(input.terms()),
            SettlementVariables.prices(input.provisionalPrices(), "provisionalPrices"));
    return ProvisionalInvoice.of(
        valuation, SettlementVariables.required(input.provisionalPct(), "provisionalPct"));
  }
}
