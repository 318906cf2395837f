package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.check-kyc}: reads the counterparty's KYC status and rating (written by its
 * onboarding process) for the deal's compliance check. No side effect, so a redelivery is harmless.
 * Writes {@code kycStatus} and {@code kycRating} (null until rated).
 */
@Component
public class DealCheckKycWorker {
  public static final String TYPE = "deal.check-kyc";
  private final DealBook deals;

  public DealCheckKycWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"counterpartyId"})
  public Map<String, Object> check(
      final ActivatedJob job, @Variable(name = "counterpartyId") final String counterpartyId) {
    final String what = "Checking the KYC of counterparty " + counterpartyId;
    DealJobs.required(counterpartyId, "counterpartyId", what);
    final DealBook.Kyc kyc;
    try {
      kyc = deals.kyc(counterpartyId);
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
    final Map<String, Object> result = new HashMap<>();
    result.put("kycStatus", kyc.status());
    result.put("kycRating", kyc.rating());
    return result;
  }
}
