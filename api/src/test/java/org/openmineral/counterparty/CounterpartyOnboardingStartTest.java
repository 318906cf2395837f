package org.openmineral.counterparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    final NewCounterparty input = input("Start Failure Test Metals AG");
    final String key = "start-failure-" + UUID.randomUUID();

    // when the creation's start fails
    final CounterpartyProblems.OnboardingNotStarted notStarted =
        catchThrowableOfType(
            CounterpartyProblems.OnboardingNotStarted.class,
            () -> serviceWhoseStartFails().create(input, key, "trader"));

    // then the answer says the counterparty is stored and how to start its onboarding ...
    assertThat((Throwable) notStarted).isNotNull();
    assertThat(notStarted.getMessage())
        .contains("is stored but its onboarding could not be started")
        .contains("the database failed while starting it")
        .contains("POST /api/counterparties/" + notStarted.counterpartyId + "/onboarding")
        .contains("same Idempotency-Key");
    final Counterparty stored = counterparties.findById(notStarted.counterpartyId).orElseThrow();
    assertThat(stored.getOnboardingProcessInstanceKey()).isNull();

    // ... and the same request again, the database back, starts it for that counterparty
    final CounterpartyService.Created again = service.create(input, key, "trader");
    assertThat(again.created()).isFalse();
    assertThat(again.counterparty().getId()).isEqualTo(notStarted.counterpartyId);
    assertThat(again.counterparty().getOnboardingProcessInstanceKey()).isNotNull();
  }

  @Test
  void aCreationWithoutKeyWhoseStartFailedIsStartedThroughItsOnboardingEndpointOnce()
      throws Exception {
    // given a counterparty stored by a creation without Idempotency-Key whose start failed
    final UUID id =
        catchThrowableOfType(
                CounterpartyProblems.OnboardingNotStarted.class,
                () ->
                    serviceWhoseStartFails()
                        .create(input("Keyless Start Failure Metals AG"), null, "trader"))
            .counterpartyId;
    assertThat(counterparties.findById(id).orElseThrow().getOnboardingProcessInstanceKey())
        .isNull();

    // when its onboarding is started through the endpoint, twice
    final HttpResponse<String> first = postOnboarding(id.toString(), "compliance");
    final HttpResponse<String> second = postOnboarding(id.toString(), "compliance");

    // then the first starts it and the second answers the same start
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    final String started =
        json.readTree(first.body()).path("onboardingProcessInstanceKey").asText();
    assertThat(started).isNotBlank();
    assertThat(counterparties.findById(id).orElseThrow().getOnboardingProcessInstanceKey())
        .isEqualTo(Long.parseLong(started));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(json.readTree(second.body()).path("onboardingProcessInstanceKey").asText())
        .isEqualTo(started);

    // and an unknown or malformed id (404, as the other counterparty endpoints answer it), or a
    // role that may not create counterparties, is refused
    assertThat(postOnboarding(UUID.randomUUID().toString(), "compliance").statusCode())
        .isEqualTo(404);
    assertThat(postOnboarding("not-a-uuid", "compliance").statusCode()).isEqualTo(404);
    assertThat(postOnboarding(id.toString(), "auditor").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> postOnboarding(final String id, final String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/counterparties/" + id + "/onboarding"))
                .header("Authorization", bearer(user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static NewCounterparty input(final String name) {
    return new NewCounterparty(
        name, CounterpartyType.ENTITY, "CH", List.of(), true, new BigDecimal("1000000.00"), "USD");
  }

  /** A service whose database fails from its second transaction on: the onboarding start's. */
  private CounterpartyService serviceWhoseStartFails() {
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
    return new CounterpartyService(
        counterparties, outcomes, camunda, failingStart, json, jdbc, events);
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
