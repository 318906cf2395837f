package org.openmineral.workers.settlement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayExchange;
import org.openmineral.domain.assay.AssayExchangeResult;
import org.openmineral.domain.assay.ElementSettlement;
import org.openmineral.domain.assay.InvalidAssayException;
import org.openmineral.domain.assay.SplittingLimit;
import org.openmineral.domain.units.Element;
import org.openmineral.workers.settlement.SettlementVariables.InvalidSettlementInput;
import org.openmineral.workers.settlement.SettlementVariables.Quantity;
import org.openmineral.workers.settlement.SettlementVariables.Terms;
import org.openmineral.workers.settlement.SettlementVariables.UmpireResult;
import org.springframework.stereotype.Component;

/**
 * Job type {@code settlement.exchange-assays}: settles the seller's and the buyer's assays under
 * the contract's splitting limits and umpire rule ({@link AssayExchange}), with the umpire's
 * results once there are any.
 *
 * <p>Reads {@code terms}, {@code sellerAssays}, {@code buyerAssays}, {@code umpireResults} (list of
 * {@code {element, value}} in the unit of the element's limit; absent before the umpire). Writes
 * {@code assaysSettled} (every element settled), {@code assayExchange} (one row per element: both
 * results, difference, limit, decision, umpire, settlement assay, who pays the umpire, reason),
 * {@code awaitingUmpire} (the rows still to umpire) and, once settled, {@code settledAssays} (in
 * the shape of the lot's assays). Pure computation: bad input fails the job without retries.
 */
@Component
public class ExchangeAssaysWorker {
  public static final String TYPE = "settlement.exchange-assays";

  /** The variables the job reads. */
  public record Input(
      Terms terms,
      Map<String, Quantity> sellerAssays,
      Map<String, Quantity> buyerAssays,
      List<UmpireResult> umpireResults) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"terms", "sellerAssays", "buyerAssays", "umpireResults"})
  public Map<String, Object> exchange(final ActivatedJob job, @VariablesAsType final Input input) {
    try {
      return exchange(input);
    } catch (final IllegalArgumentException | InvalidAssayException e) {
      throw SettlementVariables.incident("Cannot exchange the assays", e);
    }
  }

  static Map<String, Object> exchange(final Input input) {
    final AssayExchange exchange = SettlementVariables.assayExchange(input.terms());
    final List<Assay> umpire = new ArrayList<>();
    if (input.umpireResults() != null) {
      for (final UmpireResult u : input.umpireResults()) {
        final Element element = SettlementVariables.element(u.element(), "umpireResults.element");
        final SplittingLimit limit = exchange.limits().get(element);
        if (limit == null) {
          throw new InvalidSettlementInput(
              "umpireResults", "has " + element.symbol() + ", which has no splitting limit");
        }
        umpire.add(
            new Assay(
                element,
                SettlementVariables.required(u.value(), "umpireResults.value"),
                limit.unit()));
      }
    }
    final AssayExchangeResult result =
        exchange.settle(
            SettlementVariables.assays(input.sellerAssays(), "sellerAssays"),
            SettlementVariables.assays(input.buyerAssays(), "buyerAssays"),
            umpire);
    final List<Map<String, Object>> rows = new ArrayList<>();
    final List<Map<String, Object>> awaiting = new ArrayList<>();
    final Map<String, Object> settled = new LinkedHashMap<>();
    for (final ElementSettlement e : result.elements()) {
      final Map<String, Object> row = new LinkedHashMap<>();
      row.put("element", e.element().symbol());
      row.put("unit", e.unit().name());
      row.put("seller", e.seller());
      row.put("buyer", e.buyer());
      row.put("difference", e.difference());
      row.put("splittingLimit", e.splittingLimit());
      row.put("decision", e.decision().name());
      row.put("umpire", e.umpire().orElse(null));
      row.put("settlementAssay", e.settlementAssay().orElse(null));
      row.put("umpireCostBearer", e.umpireCostBearer().map(Enum::name).orElse(null));
      row.put("reason", e.reason());
      rows.add(row);
      if (e.decision() == ElementSettlement.Decision.AWAITING_UMPIRE) {
        awaiting.add(row);
      }
      e.settlementAssay()
          .ifPresent(
              v -> settled.put(e.element().symbol(), Map.of("value", v, "unit", e.unit().name())));
    }
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("assaysSettled", result.isFinal());
    out.put("assayExchange", rows);
    out.put("awaitingUmpire", awaiting);
    out.put("settledAssays", result.isFinal() ? settled : null);
    return out;
  }
}
