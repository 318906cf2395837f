package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.CounterpartyRepository;
import org.openmineral.knowledge.KnowledgeSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past deals as reference texts (collection {@code deals}): one passage per deal that was not
 * rejected or cancelled, describing what was agreed (direction, commodity, quantity, pricing basis,
 * payables, charges, penalties, splitting limits, umpire rule, value, counterparty and its
 * country), so agents and the copilot can find similar deals. The newest {@value #MAX} deals.
 */
@Component
public class DealPassages implements KnowledgeSource {
  static final int MAX = 2000;
  private static final Set<String> LEFT_OUT = Set.of("REJECTED", "CANCELLED");

  private final DealStore deals;
  private final CounterpartyRepository counterparties;

  public DealPassages(final DealStore deals, final CounterpartyRepository counterparties) {
    this.deals = deals;
    this.counterparties = counterparties;
  }

  @Override
  public String collection() {
    return "deals";
  }

  @Override
  @Transactional(readOnly = true)
  public List<Document> documents() {
    final List<Deal> recent = deals.list(new DealStore.Filter(null, null, null, null), 0, MAX);
    final Map<UUID, Counterparty> parties =
        counterparties
            .findAllById(recent.stream().map(Deal::counterpartyId).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Counterparty::getId, c -> c));
    final List<Document> documents = new ArrayList<>();
    for (final Deal deal : recent) {
      if (LEFT_OUT.contains(deal.status()) || deal.cancelledAt() != null) {
        continue;
      }
      final Counterparty party = parties.get(deal.counterpartyId());
      final DealTerms t = deal.terms();
      final String counterparty =
          party == null
              ? "an unknown counterparty"
              : party.getName() + " (" + party.getCountry() + ")";
      final String title =
          "Deal "
              + deal.id()
              + ": "
              + ("BUY".equals(deal.direction()) ? "purchase of " : "sale of ")
              + deal.commodity()
              + ("BUY".equals(deal.direction()) ? " from " : " to ")
              + counterparty
              + ", "
              + deal.status();
      final StringBuilder text = new StringBuilder();
      text.append(t.quantity().stripTrailingZeros().toPlainString())
          .append(' ')
          .append(t.quantityUnit())
          .append(" of ")
          .append(deal.commodity())
          .append(" (")
          .append(deal.metal())
          .append("), moisture ")
          .append(
              t.moisturePct() == null ? "-" : t.moisturePct().stripTrailingZeros().toPlainString())
          .append(" %, desk ")
          .append(deal.desk())
          .append(". Pricing: ")
          .append(pricing(t.pricing()))
          .append(". Terms: ")
          .append(terms(t.terms()))
          .append(". Provisional invoice ")
          .append(t.provisionalPct().stripTrailingZeros().toPlainString())
          .append(" %. Value ")
          .append(t.valueAmount().stripTrailingZeros().toPlainString())
          .append(' ')
          .append(t.valueCurrency())
          .append('.');
      documents.add(new Document(deal.id().toString(), title, text.toString()));
    }
    return documents;
  }

  private static String pricing(final JsonNode pricing) {
    if ("QP".equals(pricing.path("basis").asText())) {
      return "quotational period "
          + pricing.path("qpStart").asText()
          + " to "
          + pricing.path("qpEnd").asText()
          + ", provisional price "
          + pricing.at("/provisionalPrice/value").asText()
          + " "
          + pricing.at("/provisionalPrice/unit").asText();
    }
    return pricing.path("basis").asText() + " " + pricing.path("fixedOn").asText();
  }

  private static String terms(final JsonNode terms) {
    final List<String> parts = new ArrayList<>();
    terms
        .path("payables")
        .forEach(
            p ->
                parts.add(
                    "payable "
                        + p.path("element").asText()
                        + " "
                        + p.path("payablePct").asText()
                        + " % (min. deduction "
                        + p.path("minDeductionUnits").asText("0")
                        + " units)"));
    if (terms.has("treatmentCharge")) {
      parts.add("TC " + terms.at("/treatmentCharge/usdPerDmt").asText() + " USD/dmt");
    }
    terms
        .path("refiningCharges")
        .forEach(
            r ->
                parts.add(
                    "RC "
                        + r.path("element").asText()
                        + " "
                        + r.path("amount").asText()
                        + " "
                        + r.path("unit").asText()));
    terms.path("penalties").forEach(p -> parts.add("penalty " + p.path("element").asText()));
    terms
        .path("splittingLimits")
        .forEach(
            s ->
                parts.add(
                    "splitting limit "
                        + s.path("element").asText()
                        + " "
                        + s.path("maxDifference").asText()
                        + " "
                        + s.path("unit").asText()));
    if (terms.has("umpireRule")) {
      parts.add("umpire rule " + terms.path("umpireRule").asText());
    }
    return String.join(", ", parts);
  }
}
