package org.openmineral.counterparty;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Counterparties; {@code version} guards every update against lost updates. */
public interface CounterpartyRepository
    extends JpaRepository<Counterparty, UUID>, JpaSpecificationExecutor<Counterparty> {

  Optional<Counterparty> findByIdempotencyKey(String idempotencyKey);

  /**
   * The counterparty, row-locked until the transaction ends (serialises the process start). The
   * lock is PostgreSQL's {@code for update}, which also keeps out the key-share lock of a row that
   * refers to the counterparty (a KYC outcome of the process just started): JPA's pessimistic write
   * lock is {@code for no key update}, which lets it in, and the start's update of the unique
   * onboarding key would then deadlock with that outcome's update of the counterparty.
   */
  @Query(value = "select * from counterparty where id = :id for update", nativeQuery = true)
  Optional<Counterparty> lockById(@Param("id") UUID id);
}
