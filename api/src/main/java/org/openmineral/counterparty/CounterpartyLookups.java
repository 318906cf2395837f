package org.openmineral.counterparty;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.workers.agent.CounterpartyLookup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counterparty look-ups for the agents' tools, in read-only transactions: PostgreSQL refuses any
 * write in them, so a tool cannot change a counterparty even by mistake.
 */
@Component
public class CounterpartyLookups implements CounterpartyLookup {
  private final CounterpartyRepository counterparties;
  private final KycOutcomeRepository outcomes;

  public CounterpartyLookups(
      final CounterpartyRepository counterparties, final KycOutcomeRepository outcomes) {
    this.counterparties = counterparties;
    this.outcomes = outcomes;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CounterpartySummary> find(final String id) {
    final UUID uuid;
    try {
      uuid = UUID.fromString(id.strip());
    } catch (final IllegalArgumentException e) {
      return Optional.empty();
    }
    return counterparties
        .findById(uuid)
        .map(
            c ->
                new CounterpartySummary(
                    c.getId().toString(),
                    c.getName(),
                    c.getType().name(),
                    c.getCountry(),
                    List.copyOf(c.getUltimateBeneficialOwners()),
                    c.isOwnershipDisclosed(),
                    c.getKycStatus().name(),
                    c.getRiskRating(),
                    c.getLatestScreeningDecision(),
                    outcomes.findByCounterpartyIdOrderByRecordedAtAscJobKeyAsc(uuid).size()));
  }
}
