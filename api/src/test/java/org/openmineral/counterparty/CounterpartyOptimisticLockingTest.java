package org.openmineral.counterparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** No lost updates: of two transactions updating the same version, one wins, the other fails. */
class CounterpartyOptimisticLockingTest extends ApplicationTest {
  @Autowired CounterpartyRepository counterparties;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void ofTwoConcurrentUpdatesOneWinsAndTheOtherIsA409() {
    final TransactionTemplate tx = new TransactionTemplate(transactionManager);
    final UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s ->
            counterparties.save(
                new Counterparty(
                    id,
                    "Locking Test Metals AG",
                    CounterpartyType.ENTITY,
                    "CH",
                    List.of(),
                    true,
                    "test",
                    Instant.now())));
    // Two transactions read the same version ...
    final Counterparty first = tx.execute(s -> counterparties.findById(id).orElseThrow());
    final Counterparty second = tx.execute(s -> counterparties.findById(id).orElseThrow());
    final long read = first.getVersion();
    assertThat(second.getVersion()).isEqualTo(read);

    // ... the first update wins ...
    first.setCreditLimit(new BigDecimal("1000000.00"), "USD");
    first.touch("risk", Instant.now());
    tx.executeWithoutResult(s -> counterparties.saveAndFlush(first));

    // ... and the second, from the stale copy, is refused instead of overwriting it.
    second.setCreditLimit(new BigDecimal("5000000.00"), "EUR");
    second.touch("trader", Instant.now());
    final Throwable refused =
        catchThrowable(() -> tx.executeWithoutResult(s -> counterparties.saveAndFlush(second)));
    assertThat(refused).isInstanceOf(ObjectOptimisticLockingFailureException.class);

    final Counterparty stored = tx.execute(s -> counterparties.findById(id).orElseThrow());
    assertThat(stored.getCreditLimitAmount()).isEqualByComparingTo("1000000");
    assertThat(stored.getCreditLimitCurrency()).isEqualTo("USD");
    assertThat(stored.getVersion()).isEqualTo(read + 1);

    // The API answers such a refusal with a 409 problem.
    final ProblemDetail problem =
        new CounterpartyProblems().conflict((ObjectOptimisticLockingFailureException) refused);
    assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
    assertThat(problem.getType()).isEqualTo(CounterpartyProblems.CONFLICT);
  }
}
