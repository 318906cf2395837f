package org.openmineral.counterparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The onboarding start, the second transaction of a counterparty's creation. */
class CounterpartyOnboardingStartTest extends ApplicationTest {
  @Autowired CounterpartyRepository counterparties;
  @Autowired KycOutcomeRepository outcomes;
  @Autowired CounterpartyService service;
  @Autowired CamundaClient camunda;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DomainEvents events;
  @Autowired DataSource dataSource;

  /**
   * The start locks the counterparty, starts the process and stores the instance's key, a unique
   * column. The process's first KYC outcome can be recorded meanwhile: its row refers to the
   * counterparty, so PostgreSQL takes a key-share lock on it, and the outcome then updates the
   * counterparty. If that key-share lock got in beside the start's lock, the start's update of the
   * unique column would wait for the outcome and the outcome's update for the start: a deadlock,
   * the start rolled back with its process already running. So the start's lock must keep key-share
   * locks out until it commits.
   */
  @Test
  void whileTheOnboardingStartHoldsTheCounterpartyNoReferenceToItCanLockItsKey() throws Exception {
    final TransactionTemplate tx = new TransactionTemplate(transactionManager);
    final UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s ->
            counterparties.save(
                new Counterparty(
                    id,
                    "Onboarding Lock Test Metals AG",
                    CounterpartyType.ENTITY,
                    "CH",
                    List.of(),
                    true,
                    "test",
                    Instant.now())));

    tx.executeWithoutResult(
        s -> {
          counterparties.lockById(id).orElseThrow();
          // what an insert referring to the counterparty needs, tried from another connection
          final SQLException refused = catchThrowableOfType(SQLException.class, () -> lockKey(id));
          assertThat((Throwable) refused)
              .as("key-share lock while the start holds the row")
              .isNotNull();
          assertThat(refused.getSQLState()).isEqualTo("55P03"); // lock_not_available
        });

    // once the start has committed, the reference gets in
    assertThat(lockKey(id)).isTrue();
  }

  @Test
  void aDatabaseFailureAfterTheCounterpartyIsStoredSaysSoAndTheSameKeyStartsItLater() {
    // given a service whose database fails from its second transaction on: the start's
    final AtomicInteger transactions = new AtomicInteger();
    final PlatformTransactionManager failingStart =
        new PlatformTransactionManager() {
          @Override
          public TransactionStatus getTransaction(final TransactionDefinition definition) {
            if (transactions.incrementAndGet() > 1) {
              throw new CannotCreateTransactionException("connection refused");
            }
            return transactionManager.getTransaction(definition);
          }

          @Override
          public void commit(final TransactionStatus status) {
            transactionManager.commit(status);
          }

          @Override
          public void rollback(final TransactionStatus status) {
            transactionManager.rollback(status);
          }
        };
    final CounterpartyService failing =
        new CounterpartyService(
            counterparties, outcomes, camunda, failingStart, json, jdbc, events);
    final NewCounterparty input =
        new NewCounterparty(
            "Start Failure Test Metals AG",
            CounterpartyType.ENTITY,
            "CH",
            List.of(),
            true,
            new BigDecimal("1000000.00"),
            "USD");
    final String key = "start-failure-" + UUID.randomUUID();

    // when the creation's start fails
    final CounterpartyProblems.OnboardingNotStarted notStarted =
        catchThrowableOfType(
            CounterpartyProblems.OnboardingNotStarted.class,
            () -> failing.create(input, key, "trader"));

    // then the answer says the counterparty is stored and how to start its onboarding ...
    assertThat((Throwable) notStarted).isNotNull();
    assertThat(notStarted.getMessage())
        .contains("is stored but its onboarding could not be started")
        .contains("the database failed while starting it")
        .contains("same Idempotency-Key");
    final Counterparty stored = counterparties.findById(notStarted.counterpartyId).orElseThrow();
    assertThat(stored.getOnboardingProcessInstanceKey()).isNull();

    // ... and the same request again, the database back, starts it for that counterparty
    final CounterpartyService.Created again = service.create(input, key, "trader");
    assertThat(again.created()).isFalse();
    assertThat(again.counterparty().getId()).isEqualTo(notStarted.counterpartyId);
    assertThat(again.counterparty().getOnboardingProcessInstanceKey()).isNotNull();
  }

  /** Takes the lock a foreign key check takes on the counterparty, without waiting. */
  private boolean lockKey(final UUID id) throws SQLException {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement select =
          other.prepareStatement("select 1 from counterparty where id = ? for key share nowait")) {
        select.setObject(1, id);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next();
        }
      } finally {
        other.rollback();
      }
    }
  }
}
