package org.openmineral.domain.risk;

/** The factors of a {@link DealRiskScore}. */
public enum RiskFactorKind {
  /** Counterparty credit utilisation after the deal. */
  CREDIT,
  /** The counterparty's country rating. */
  COUNTRY,
  /** Share of the desk's exposure in the deal's metal or with the counterparty. */
  CONCENTRATION,
  /** Annualised price volatility of the deal's metal. */
  VOLATILITY,
  /** The counterparty's KYC rating. */
  KYC
}
