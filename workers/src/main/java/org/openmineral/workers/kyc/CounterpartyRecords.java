package org.openmineral.workers.kyc;

import java.time.LocalDate;

/**
 * The counterparty records as the workers need them; the application implements it on its database.
 * Recording is idempotent per job: the same job recorded twice (a redelivery) writes once.
 */
public interface CounterpartyRecords {

  /**
   * A KYC outcome reached by the onboarding process.
   *
   * @param jobKey the job that records it: the idempotency key
   * @param processInstanceKey the onboarding instance
   * @param elementId the service task that records it
   * @param counterpartyId the counterparty's id (a UUID)
   * @param kycStatus PENDING, UNDER_REVIEW, APPROVED, REJECTED or OFFBOARDED
   * @param riskRating LOW, MEDIUM, HIGH or PROHIBITED, or null when not rated
   * @param screeningDecision CLEAR or POTENTIAL_MATCH, or null when not screened
   * @param nextReviewDate the next periodic review, or null when there is none
   */
  record KycOutcome(
      long jobKey,
      long processInstanceKey,
      String elementId,
      String counterpartyId,
      String kycStatus,
      String riskRating,
      String screeningDecision,
      LocalDate nextReviewDate) {}

  /**
   * Records {@code outcome} on the counterparty unless its job already did.
   *
   * @return true if written now, false if this job's outcome was already recorded
   * @throws UnknownCounterparty when no counterparty has the id: a business fault for a person
   * @throws RuntimeException on a technical failure (database unavailable, concurrent update)
   */
  boolean recordKycOutcome(KycOutcome outcome);

  /** No counterparty has the id the process carries, or the id is malformed. */
  class UnknownCounterparty extends RuntimeException {
    public UnknownCounterparty(final String message) {
      super(message);
    }
  }
}
