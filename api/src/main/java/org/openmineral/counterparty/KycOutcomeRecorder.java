package org.openmineral.counterparty;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.openmineral.workers.kyc.CounterpartyRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' {@link CounterpartyRecords} on the database. In one transaction: the outcome row is
 * inserted keyed by the job ({@code on conflict do nothing}), and only if it is new is the
 * counterparty updated (optimistically locked by its version). A redelivered job, even one
 * delivered while the first delivery is still running, therefore changes the counterparty once.
 */
@Component
class KycOutcomeRecorder implements CounterpartyRecords {
  private static final Logger LOG = LoggerFactory.getLogger(KycOutcomeRecorder.class);
  static final String PROCESS_USER = "process:counterparty-onboarding";

  private final CounterpartyRepository counterparties;
  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  KycOutcomeRecorder(final CounterpartyRepository counterparties, final JdbcTemplate jdbc) {
    this.counterparties = counterparties;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public boolean recordKycOutcome(final KycOutcome outcome) {
    final UUID id;
    try {
      id = UUID.fromString(outcome.counterpartyId());
    } catch (final IllegalArgumentException e) {
      throw new UnknownCounterparty(
          "counterpartyId '" + outcome.counterpartyId() + "' is not a counterparty id (a UUID)");
    }
    final KycStatus status = KycStatus.valueOf(outcome.kycStatus());
    final Counterparty counterparty =
        counterparties
            .findById(id)
            .orElseThrow(
                () ->
                    new UnknownCounterparty("no counterparty with id " + outcome.counterpartyId()));
    final Instant now = clock.instant();
    final int inserted =
        jdbc.update(
            """
            insert into counterparty_kyc_outcome
              (job_key, counterparty_id, process_instance_key, element_id, kyc_status,
               risk_rating, screening_decision, next_review_date, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (job_key) do nothing
            """,
            ps -> {
              ps.setLong(1, outcome.jobKey());
              ps.setObject(2, id);
              ps.setLong(3, outcome.processInstanceKey());
              ps.setString(4, outcome.elementId());
              ps.setString(5, status.name());
              ps.setString(6, outcome.riskRating());
              ps.setString(7, outcome.screeningDecision());
              if (outcome.nextReviewDate() == null) {
                ps.setNull(8, Types.DATE);
              } else {
                ps.setDate(8, Date.valueOf(outcome.nextReviewDate()));
              }
              ps.setTimestamp(9, Timestamp.from(now));
            });
    if (inserted == 0) {
      LOG.info(
          "KYC outcome of job {} for counterparty {} already recorded; nothing written.",
          outcome.jobKey(),
          id);
      return false;
    }
    counterparty.recordKyc(
        status,
        outcome.riskRating(),
        outcome.screeningDecision(),
        outcome.nextReviewDate(),
        PROCESS_USER,
        now);
    counterparties.saveAndFlush(counterparty);
    return true;
  }
}
