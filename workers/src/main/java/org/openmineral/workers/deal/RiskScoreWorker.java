package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.risk.DealRiskInput;
import org.openmineral.domain.risk.DealRiskModel;
import org.openmineral.domain.risk.DealRiskScore;
import org.openmineral.domain.risk.DeskConcentration;
import org.openmineral.domain.risk.KycRating;
import org.openmineral.domain.risk.ReturnVolatility;
import org.openmineral.domain.units.Element;
import org.springframework.stereotype.Component;

/**
 * Job type {@code risk.score}: the deal risk score (domain {@link DealRiskModel#standard()}) from
 * the deal's credit utilisation, counterparty country and KYC rating, the desk's concentration and
 * the metal's price volatility. Without a price history of at least three prices the volatility is
 * taken as {@link #ASSUMED_VOLATILITY} and the explanation says so. Writes {@code riskScore} (2
 * places) and {@code riskExplained}. No side effect.
 */
@Component
public class RiskScoreWorker {
  public static final String TYPE = "risk.score";

  /** Annualised volatility assumed for a metal without price history: the model's midpoint. */
  static final BigDecimal ASSUMED_VOLATILITY = new BigDecimal("0.25");

  private final DealBook deals;
  private final DealRiskModel model = DealRiskModel.standard();

  public RiskScoreWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public Map<String, Object> score(
      final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String what = "Scoring the risk of deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    final DealBook.RiskData data;
    try {
      data = deals.riskData(dealId);
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
    try {
      final Element metal = Element.ofSymbol(data.metal());
      final boolean history = data.prices().map(p -> p.prices().size() >= 3).orElse(false);
      final ReturnVolatility volatility =
          history
              ? ReturnVolatility.of(data.prices().get(), data.periodsPerYear())
              : new ReturnVolatility(
                  metal, 0, BigDecimal.ZERO, BigDecimal.ZERO, 1, ASSUMED_VOLATILITY);
      final DealRiskScore score =
          model.score(
              new DealRiskInput(
                  dealId,
                  data.creditUtilisationAfterDeal(),
                  data.country(),
                  KycRating.valueOf(data.kycRating() == null ? "HIGH" : data.kycRating()),
                  new DeskConcentration(
                      metal,
                      data.dealExposure(),
                      data.deskTotal(),
                      data.deskInMetal(),
                      data.deskWithCounterparty()),
                  volatility));
      final String explained =
          score.explain()
              + (history
                  ? ""
                  : "\n  (no price history of "
                      + metal.symbol()
                      + ": volatility assumed "
                      + ASSUMED_VOLATILITY.movePointRight(2).toPlainString()
                      + " %)");
      return Map.of(
          "riskScore", score.rounded(),
          "riskExplained", explained,
          "riskFactors",
              List.copyOf(
                  score.factors().stream()
                      .map(
                          f ->
                              Map.<String, Object>of(
                                  "factor", f.kind().name(),
                                  "subScore",
                                      f.subScore().setScale(2, java.math.RoundingMode.HALF_UP),
                                  "weight", f.weight()))
                      .toList()));
    } catch (final IllegalArgumentException e) {
      throw DealJobs.incident(what, e.getMessage());
    }
  }
}
