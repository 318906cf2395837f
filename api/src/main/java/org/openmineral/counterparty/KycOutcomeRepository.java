package org.openmineral.counterparty;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The KYC outcomes the onboarding process recorded (written by {@link KycOutcomeRecorder}, which
 * inserts each job's row at most once).
 */
public interface KycOutcomeRepository extends JpaRepository<KycOutcome, Long> {

  List<KycOutcome> findByCounterpartyIdOrderByRecordedAtAscJobKeyAsc(UUID counterpartyId);
}
