package org.openmineral.workers.agent;

import java.util.List;
import java.util.Optional;

/**
 * Read-only look-up of counterparties for agents' tools; the application answers it from its
 * database in a read-only transaction.
 */
public interface CounterpartyLookup {

  /**
   * A counterparty as an agent may see it: no contact details, no documents' contents.
   *
   * @param id the counterparty's id
   * @param name its registered name
   * @param type ENTITY, INDIVIDUAL or VESSEL
   * @param country ISO 3166-1 alpha-2
   * @param ultimateBeneficialOwners the owners' names as disclosed
   * @param ownershipDisclosed whether ownership was disclosed
   * @param kycStatus the KYC status
   * @param riskRating the latest risk rating, or null
   * @param latestScreeningDecision the latest screening decision, or null
   * @param kycOutcomes how many KYC outcomes were recorded before
   */
  record CounterpartySummary(
      String id,
      String name,
      String type,
      String country,
      List<String> ultimateBeneficialOwners,
      boolean ownershipDisclosed,
      String kycStatus,
      String riskRating,
      String latestScreeningDecision,
      int kycOutcomes) {}

  /** The counterparty with {@code id}, or empty when there is none or the id is malformed. */
  Optional<CounterpartySummary> find(String id);
}
