package org.openmineral.workers.settlement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.assay.InvalidAssayException;
import org.openmineral.domain.invoicing.FinalInvoice;
import org.openmineral.domain.invoicing.ProvisionalInvoice;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.workers.settlement.SettlementVariables.Quantity;
import org.openmineral.workers.settlement.SettlementVariables.Terms;
import org.springframework.stereotype.Component;

/**
 * Job type {@code settlement.final-invoice}: values the lot at final weights ({@code
 * finalWetTonnes}, {@code finalMoisturePct}; the provisional ones when absent), the settled assays
 * (elements not exchanged keep their provisional assay) and the final prices, and books the final
 * invoice ({@link FinalInvoice}: final value less the provisional invoice, either way).
 *
 * <p>Writes {@code finalInvoiceId}, {@code finalValue}, {@code provisionallyInvoiced}, {@code
 * balance} (positive: the buyer pays; negative: the seller refunds) and {@code balanceDirection}
 * (BUYER_PAYS, SELLER_REFUNDS, SETTLED). Idempotent per job key.
 */
@Component
public class FinalInvoiceWorker {
  public static final String TYPE = "settlement.final-invoice";

  private final SettlementBooks books;
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  public FinalInvoiceWorker(final SettlementBooks books) {
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
      Terms terms,
      BigDecimal finalWetTonnes,
      BigDecimal finalMoisturePct,
      Map<String, Quantity> settledAssays,
      Map<String, Quantity> finalPrices) {

    ProvisionalInvoiceWorker.Input provisional() {
      return new ProvisionalInvoiceWorker.Input(
          dealId,
          lotId,
          counterpartyId,
          wetTonnes,
          moisturePct,
          franchisePct,
          provisionalAssays,
          provisionalPrices,
          provisionalPct,
          terms);
    }
  }

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
        "terms",
        "finalWetTonnes",
        "finalMoisturePct",
        "settledAssays",
        "finalPrices"
      })
  public Map<String, Object> invoice(final ActivatedJob job, @VariablesAsType final Input input) {
    final FinalInvoice invoice;
    try {
      final ProvisionalInvoice provisional =
          ProvisionalInvoiceWorker.provisional(valuer, input.provisional());
      final Map<String, Quantity> assays = new LinkedHashMap<>(input.provisionalAssays());
      assays.putAll(SettlementVariables.required(input.settledAssays(), "settledAssays"));
      final Valuation valuation =
          valuer.value(
              SettlementVariables.lot(
                  input.finalWetTonnes() == null ? input.wetTonnes() : input.finalWetTonnes(),
                  input.finalMoisturePct() == null ? input.moisturePct() : input.finalMoisturePct(),
                  input.franchisePct(),
                  assays,
                  "settledAssays"),
              SettlementVariables.valuationTerms(input.terms()),
              SettlementVariables.prices(input.finalPrices(), "finalPrices"));
      invoice = FinalInvoice.of(valuation, List.of(provisional));
    } catch (final IllegalArgumentException | InvalidAssayException e) {
      throw SettlementVariables.incident("Cannot value the lot finally", e);
    }
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
                  "FINAL",
                  invoice.finalValue().amount(),
                  invoice.finalValue().currency().getCurrencyCode(),
                  invoice.balance().amount(),
                  SettlementVariables.lines(invoice.valuation())));
    } catch (final RuntimeException e) {
      throw SettlementVariables.retry(
          "Booking the final invoice of lot " + input.lotId(), job.getRetries(), e);
    }
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("finalInvoiceId", id);
    out.put("finalValue", invoice.finalValue().amount());
    out.put("provisionallyInvoiced", invoice.provisionallyInvoiced().amount());
    out.put("balance", invoice.balance().amount());
    out.put("balanceDirection", invoice.direction().name());
    return out;
  }
}
