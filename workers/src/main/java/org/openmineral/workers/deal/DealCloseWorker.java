package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.close}: writes the deal's closing report (terms, invoices and payments,
 * hedges, events, who did what) and sets the deal CLOSED. A redelivered job finds the deal closed
 * and returns the same report. Writes {@code dealReport}.
 */
@Component
public class DealCloseWorker {
  public static final String TYPE = "deal.close";
  private final DealBook deals;

  public DealCloseWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public Map<String, Object> close(
      final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String what = "Closing deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    try {
      return Map.of("dealReport", deals.close(dealId, job.getKey()));
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
  }
}
