package org.openmineral.workers.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.openmineral.domain.risk.HistoricalPrices;

/**
 * The deals as the trade lifecycle's workers need them; the application implements it on its
 * database. Every recording method is idempotent per job: a redelivered job writes nothing twice.
 */
public interface DealBook {

  /** The KYC state of a counterparty as its onboarding recorded it. */
  record Kyc(String status, String rating, String country) {}

  /**
   * What the deal risk score is computed from, read from the deal, its counterparty, the credit
   * headroom, the desk's other open deals and the market prices.
   *
   * @param creditUtilisationAfterDeal utilisation including the deal's reservation / limit
   * @param kycRating LOW, MEDIUM or HIGH
   * @param dealExposure the deal's value
   * @param deskTotal value of the desk's other open deals (same currency)
   * @param deskInMetal of which in the deal's metal
   * @param deskWithCounterparty of which with the deal's counterparty
   * @param prices the metal's longest price history held, if any
   */
  record RiskData(
      BigDecimal creditUtilisationAfterDeal,
      String country,
      String kycRating,
      String metal,
      BigDecimal dealExposure,
      BigDecimal deskTotal,
      BigDecimal deskInMetal,
      BigDecimal deskWithCounterparty,
      Optional<HistoricalPrices> prices,
      int periodsPerYear) {}

  /** The deal's credit reservation and the counterparty's headroom with it. */
  record Credit(
      boolean reserved, BigDecimal utilisationShare, BigDecimal headroom, String currency) {}

  /**
   * @throws UnknownDeal when no counterparty has the id
   */
  Kyc kyc(String counterpartyId);

  /**
   * @throws UnknownDeal when no deal has the id
   */
  RiskData riskData(String dealId);

  Credit credit(String dealId);

  /**
   * Makes {@code processInstanceKey} the process that runs the deal if none does yet, and returns
   * the key of the one that does. When it is another, records in the deal's activity (once per job)
   * that this instance ends as a duplicate.
   *
   * @throws UnknownDeal when no deal has the id
   */
  long claimProcess(String dealId, long processInstanceKey, long jobKey);

  /**
   * Records the stage (and status, if not null) the process has reached; a terminal status
   * (REJECTED, CANCELLED) also releases the deal's credit reservation.
   *
   * @return false if this job had already recorded it
   */
  boolean recordStage(String dealId, String status, String stage, long jobKey);

  /** Records an activity of the process on the deal (reminder, four-eyes violation). */
  boolean recordActivity(String dealId, String action, Map<String, Object> detail, long jobKey);

  /** Writes the deal's closing report and sets it CLOSED; returns the report. */
  Map<String, Object> close(String dealId, long jobKey);

  /**
   * The average of the metal's market price in {@code priceUnit} over the days {@code first} to
   * {@code last}, if a series of that unit has prices in the window.
   */
  Optional<BigDecimal> averagePrice(
      String metal, String priceUnit, LocalDate first, LocalDate last);

  /** No deal or counterparty has the id the process carries. */
  class UnknownDeal extends RuntimeException {
    public UnknownDeal(final String message) {
      super(message);
    }
  }
}
