package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the deal risk score is computed from.
 *
 * @param dealId the deal
 * @param creditUtilisationAfterDeal (utilisation + deal) / limit, e.g. {@code
 *     CreditCheck.utilisationShareAfter()}
 * @param counterpartyCountry ISO 3166-1 alpha-2 code
 * @param kyc the counterparty's KYC rating
 * @param concentration the desk's concentration with the deal
 * @param volatility the deal metal's price volatility
 */
public record DealRiskInput(
    String dealId,
    BigDecimal creditUtilisationAfterDeal,
    String counterpartyCountry,
    KycRating kyc,
    DeskConcentration concentration,
    ReturnVolatility volatility) {
  public DealRiskInput {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(creditUtilisationAfterDeal, "creditUtilisationAfterDeal");
    Objects.requireNonNull(counterpartyCountry, "counterpartyCountry");
    Objects.requireNonNull(kyc, "kyc");
    Objects.requireNonNull(concentration, "concentration");
    Objects.requireNonNull(volatility, "volatility");
    if (creditUtilisationAfterDeal.signum() < 0) {
      throw new RiskInputException(
          "credit utilisation cannot be negative: " + creditUtilisationAfterDeal);
    }
    if (volatility.metal() != concentration.metal()) {
      throw new RiskInputException(
          "volatility is of "
              + volatility.metal().symbol()
              + " but the deal is in "
              + concentration.metal().symbol());
    }
  }
}
