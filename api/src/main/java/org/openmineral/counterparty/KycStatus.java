package org.openmineral.counterparty;

/**
 * Where a counterparty stands in KYC. The onboarding process writes it; the API only creates
 * counterparties as {@link #PENDING}.
 */
public enum KycStatus {
  /** Stored, onboarding started, not yet screened to a decision. */
  PENDING,
  /** Screened and waiting on the compliance decision. */
  UNDER_REVIEW,
  /** Approved by compliance, or clear on a periodic re-screening. */
  APPROVED,
  /** Rejected by compliance, or in a prohibited country. */
  REJECTED,
  /** The relationship was ended (message {@code counterparty-offboarded}). */
  OFFBOARDED
}
