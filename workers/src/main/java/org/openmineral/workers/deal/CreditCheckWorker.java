package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code credit.check}: confirms the credit reservation the deal made at capture and reads
 * the counterparty's headroom after it (domain {@code CreditHeadroom}). Writes {@code
 * creditReserved}, {@code creditUtilisation} (share of the limit, for the approval routing), {@code
 * creditHeadroom} and {@code creditCurrency}. No side effect.
 */
@Component
public class CreditCheckWorker {
  public static final String TYPE = "credit.check";
  private final DealBook deals;

  public CreditCheckWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public Map<String, Object> check(
      final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String what = "Checking the credit of deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    final DealBook.Credit credit;
    try {
      credit = deals.credit(dealId);
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
    final Map<String, Object> result = new HashMap<>();
    result.put("creditReserved", credit.reserved());
    result.put("creditUtilisation", credit.utilisationShare());
    result.put("creditHeadroom", credit.headroom());
    result.put("creditCurrency", credit.currency());
    return result;
  }
}
