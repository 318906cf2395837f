package org.openmineral.workers.agent;

import java.util.Map;
import java.util.Optional;

/**
 * Read-only look-up of deals for agents' tools; the application answers it from its database in a
 * read-only transaction.
 */
public interface DealLookup {

  /**
   * The deal with {@code id} as an agent may see it: its terms, status and stage, and its
   * counterparty's name, country and KYC state (no contact details); empty when there is none or
   * the id is malformed.
   */
  Optional<Map<String, Object>> find(String id);
}
