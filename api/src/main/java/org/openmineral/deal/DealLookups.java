package org.openmineral.deal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.counterparty.CounterpartyRepository;
import org.openmineral.workers.agent.DealLookup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal look-ups for the agents' tools, in read-only transactions: PostgreSQL refuses any write in
 * them, so a tool cannot change a deal even by mistake.
 */
@Component
public class DealLookups implements DealLookup {
  private final DealStore deals;
  private final CounterpartyRepository counterparties;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  public DealLookups(final DealStore deals, final CounterpartyRepository counterparties) {
    this.deals = deals;
    this.counterparties = counterparties;
  }

  /**
   * The deals {@code visibleDesk} may see (all when null), newest first, at most {@code limit},
   * optionally of one status, in short form (no terms).
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> list(
      final String status, final String visibleDesk, final int limit) {
    final List<Map<String, Object>> list = new ArrayList<>();
    for (final Deal deal :
        deals.list(new DealStore.Filter(status, null, null, visibleDesk), 0, limit)) {
      final Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", deal.id().toString());
      view.put("status", deal.status());
      view.put("stage", deal.stage());
      view.put("direction", deal.direction());
      view.put("metal", deal.metal());
      view.put("commodity", deal.commodity());
      view.put("quantity", deal.terms().quantity());
      view.put("quantityUnit", deal.terms().quantityUnit());
      view.put("value", deal.terms().valueAmount());
      view.put("currency", deal.terms().valueCurrency());
      view.put("desk", deal.desk());
      view.put(
          "counterparty",
          counterparties.findById(deal.counterpartyId()).map(c -> c.getName()).orElse(null));
      view.put("finished", deal.finished());
      list.add(view);
    }
    return list;
  }

  /** The desk of deal {@code id}, if there is such a deal. */
  @Transactional(readOnly = true)
  public Optional<String> desk(final String id) {
    try {
      return deals.find(UUID.fromString(id.strip())).map(Deal::desk);
    } catch (final IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, Object>> find(final String id) {
    final UUID uuid;
    try {
      uuid = UUID.fromString(id.strip());
    } catch (final IllegalArgumentException e) {
      return Optional.empty();
    }
    return deals
        .find(uuid)
        .map(
            deal -> {
              final Map<String, Object> view = new LinkedHashMap<>();
              view.put("id", deal.id().toString());
              view.put("status", deal.status());
              view.put("stage", deal.stage());
              view.put("direction", deal.direction());
              view.put("commodity", deal.commodity());
              view.put("metal", deal.metal());
              view.put("desk", deal.desk());
              view.put("terms", json.convertValue(deal.terms(), Map.class));
              counterparties
                  .findById(deal.counterpartyId())
                  .ifPresent(
                      c -> {
                        final Map<String, Object> party = new LinkedHashMap<>();
                        party.put("id", c.getId().toString());
                        party.put("name", c.getName());
                        party.put("country", c.getCountry());
                        party.put("kycStatus", c.getKycStatus().name());
                        party.put("riskRating", c.getRiskRating());
                        view.put("counterparty", party);
                      });
              return view;
            });
  }
}
