package org.openmineral.counterparty;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Counterparties; {@code version} guards every update against lost updates. */
public interface CounterpartyRepository
    extends JpaRepository<Counterparty, UUID>, JpaSpecificationExecutor<Counterparty> {

  Optional<Counterparty> findByIdempotencyKey(String idempotencyKey);

  /** The counterparty, row-locked until the transaction ends (serialises the process start). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Counterparty c where c.id = :id")
  Optional<Counterparty> lockById(@Param("id") UUID id);
}
