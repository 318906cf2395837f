package org.openmineral.counterparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding start locks the counterparty, starts the process and stores the instance's key, a
 * unique column. The process's first KYC outcome can be recorded meanwhile: its row refers to the
 * counterparty, so PostgreSQL takes a key-share lock on it, and the outcome then updates the
 * counterparty. If that key-share lock got in beside the start's lock, the start's update of the
 * unique column would wait for the outcome and the outcome's update for the start: a deadlock, the
 * start rolled back with its process already running. So the start's lock must keep key-share locks
 * out until it commits.
 */
class CounterpartyOnboardingLockTest extends ApplicationTest {
  @Autowired CounterpartyRepository counterparties;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;

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
