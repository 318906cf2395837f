package org.openmineral.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.record-four-eyes-violation}: the model found that an approval came from the
 * deal's capturer or an amender, or from an unknown user (completed outside the task API). Records
 * it on the deal's activity with the approver, once per job; the model asks for the approval again.
 */
@Component
public class DealRecordFourEyesViolationWorker {
  public static final String TYPE = "deal.record-four-eyes-violation";
  private final DealBook deals;

  public DealRecordFourEyesViolationWorker(final DealBook deals) {
    this.deals = deals;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId", "approvedBy", "capturedBy"})
  public void record(
      final ActivatedJob job,
      @Variable(name = "dealId") final String dealId,
      @Variable(name = "approvedBy") final String approvedBy) {
    final String what = "Recording a four-eyes violation on deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    final Map<String, Object> detail = new HashMap<>();
    detail.put("approvedBy", approvedBy);
    detail.put("task", job.getElementId());
    try {
      deals.recordActivity(dealId, "FOUR_EYES_VIOLATION", detail, job.getKey());
    } catch (final DealBook.UnknownDeal e) {
      throw DealJobs.incident(what, e.getMessage());
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
  }
}
