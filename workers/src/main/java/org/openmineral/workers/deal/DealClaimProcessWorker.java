package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.claim-process}, the trade lifecycle's first step: makes this process
 * instance the one that runs the deal, unless another instance already is. A deal is stored before
 * its process is started and the process key after; a crash between the two leaves a deal without a
 * key, and the capture repeated with its idempotency key starts the process again. Of two instances
 * of one deal the first to claim it runs it; the other throws {@value #DUPLICATE} before any side
 * effect and ends ("Duplicate start ended"), recorded in the deal's activity. Idempotent per job
 * key.
 */
@Component
public class DealClaimProcessWorker {
  public static final String TYPE = "deal.claim-process";
  public static final String DUPLICATE = "DUPLICATE_INSTANCE";

  private final DealBook deals;

  public DealClaimProcessWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId"})
  public void claim(final ActivatedJob job, @Variable(name = "dealId") final String dealId) {
    final String what = "Claiming deal " + dealId + " for process " + job.getProcessInstanceKey();
    DealJobs.required(dealId, "dealId", what);
    final long owner;
    try {
      owner = deals.claimProcess(dealId, job.getProcessInstanceKey(), job.getKey());
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
    if (owner != job.getProcessInstanceKey()) {
      throw CamundaError.bpmnError(
          DUPLICATE,
          "deal " + dealId + " is run by process instance " + owner + "; this start is a duplicate",
          Map.of("dealProcessInstanceKey", Long.toString(owner)));
    }
  }
}
