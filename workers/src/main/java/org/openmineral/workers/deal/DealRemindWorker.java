package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.remind}: the shipment's events are still awaited; records a reminder on the
 * deal's activity (shown by {@code GET /api/deals/{id}}), once per job.
 */
@Component
public class DealRemindWorker {
  public static final String TYPE = "deal.remind";
  private final DealBook deals;

  public DealRemindWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public void remind(final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String what = "Reminding operations of deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    try {
      deals.recordActivity(
          dealId, "LOGISTICS_REMINDER", Map.of("awaiting", "shipment events"), job.getKey());
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
  }
}
