package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.record-stage}: writes the stage (task header {@code dealStage}) and, when
 * given, the status (header {@code dealStatus}) the trade lifecycle has reached to the deal. A
 * terminal status (REJECTED, CANCELLED) also releases the deal's credit reservation. Idempotent per
 * job key.
 */
@Component
public class DealRecordStageWorker {
  public static final String TYPE = "deal.record-stage";
  static final Set<String> STATUSES =
      Set.of("CAPTURED", "APPROVED", "IN_EXECUTION", "SETTLING", "CLOSED", "REJECTED", "CANCELLED");

  private final DealBook deals;

  public DealRecordStageWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public void record(final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String stage = job.getCustomHeaders().get("dealStage");
    final String status = job.getCustomHeaders().get("dealStatus");
    final String what = "Recording stage " + stage + " of deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    if (stage == null || stage.isBlank()) {
      throw DealJobs.incident(what, "task header 'dealStage' is missing");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw DealJobs.incident(what, "task header 'dealStatus' must be one of " + STATUSES);
    }
    try {
      deals.recordStage(dealId, status, stage, job.getKey());
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
  }
}
