package org.openmineral.deal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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
