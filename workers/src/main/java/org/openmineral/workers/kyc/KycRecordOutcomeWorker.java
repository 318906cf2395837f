package org.openmineral.workers.kyc;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Job type {@code kyc.record-outcome}: writes the KYC outcome the onboarding process has reached to
 * the counterparty's record.
 *
 * <p>The status comes from the task header {@code kycStatus} (the model sets it per task:
 * UNDER_REVIEW, APPROVED, REJECTED, OFFBOARDED). Reads {@code counterpartyId}, {@code riskRating},
 * {@code screeningDecision} and {@code nextReviewDate} (an ISO date the model computes with the
 * engine's clock, only on the approved path). Writes no variables.
 *
 * <p>Idempotent: the job key is recorded with the outcome, so a redelivered job writes nothing a
 * second time. An unknown counterparty or bad input fails the job without retries (an incident for
 * a person); a technical failure (database, concurrent update) is retried after {@link
 * #RETRY_BACKOFF}.
 */
@Component
public class KycRecordOutcomeWorker {
  public static final String TYPE = "kyc.record-outcome";
  public static final String STATUS_HEADER = "kycStatus";
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);
  static final Set<String> STATUSES =
      Set.of("PENDING", "UNDER_REVIEW", "APPROVED", "REJECTED", "OFFBOARDED");

  private final CounterpartyRecords records;

  public KycRecordOutcomeWorker(final CounterpartyRecords records) {
    this.records = records;
  }

  /** The variables the job reads. */
  public record Input(
      String counterpartyId, String riskRating, String screeningDecision, String nextReviewDate) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"counterpartyId", "riskRating", "screeningDecision", "nextReviewDate"})
  public void record(final ActivatedJob job, @VariablesAsType final Input input) {
    final String status = job.getCustomHeaders().get(STATUS_HEADER);
    if (status == null || !STATUSES.contains(status)) {
      throw invalid(
          "task header 'kycStatus' must be one of " + STATUSES + ", got '" + status + "'");
    }
    if (input.counterpartyId() == null || input.counterpartyId().isBlank()) {
      throw invalid("variable 'counterpartyId' is missing or blank");
    }
    final LocalDate nextReview;
    try {
      nextReview =
          input.nextReviewDate() == null || input.nextReviewDate().isBlank()
              ? null
              : LocalDate.parse(input.nextReviewDate());
    } catch (final DateTimeParseException e) {
      throw invalid(
          "variable 'nextReviewDate' is not an ISO date: '" + input.nextReviewDate() + "'");
    }
    final CounterpartyRecords.KycOutcome outcome =
        new CounterpartyRecords.KycOutcome(
            job.getKey(),
            job.getProcessInstanceKey(),
            job.getElementId(),
            input.counterpartyId(),
            status,
            input.riskRating(),
            input.screeningDecision(),
            nextReview);
    try {
      records.recordKycOutcome(outcome);
    } catch (final CounterpartyRecords.UnknownCounterparty e) {
      throw invalid(e.getMessage());
    } catch (final RuntimeException e) {
      throw CamundaError.jobError(
          "Recording the KYC outcome of counterparty "
              + input.counterpartyId()
              + " failed: "
              + e.getMessage(),
          Map.of(),
          Math.max(0, job.getRetries() - 1),
          RETRY_BACKOFF,
          e);
    }
  }

  private static RuntimeException invalid(final String reason) {
    return CamundaError.jobError(
        "Cannot record the KYC outcome: " + reason, Map.of(), 0, Duration.ZERO, null);
  }
}
