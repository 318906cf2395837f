package org.openmineral.counterparty;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Document metadata of counterparties. */
public interface CounterpartyDocumentRepository extends JpaRepository<CounterpartyDocument, UUID> {
  List<CounterpartyDocument> findByCounterpartyIdOrderByUploadedAt(UUID counterpartyId);
}
