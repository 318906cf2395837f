package org.openmineral.workers.hedging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Job type {@code hedge.record}: books the hedge the trader approved (or the policy let through
 * without approval).
 *
 * <p>Reads {@code dealId}, {@code metal}, the suggestion ({@code hedgeContract}, {@code
 * hedgeExchange}, {@code lotSize}, {@code hedgeSide}, {@code suggestedLots}) and the trader's
 * {@code hedgeDecision} (APPROVE, ADJUST; absent when no approval was needed) with {@code
 * approvedLots} (for ADJUST). Writes {@code hedgeId} and {@code hedgeLots}, the lots booked.
 *
 * <p>Idempotent: the job key is stored with the hedge, so a redelivered job books nothing a second
 * time and returns the same hedge. Bad input fails the job without retries; a database failure is
 * retried after {@link #RETRY_BACKOFF}.
 */
@Component
public class HedgeRecordWorker {
  public static final String TYPE = "hedge.record";
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

  private final HedgeBook book;

  public HedgeRecordWorker(final HedgeBook book) {
    this.book = book;
  }

  /** The variables the job reads. */
  public record Input(
      String dealId,
      String metal,
      String hedgeContract,
      String hedgeExchange,
      BigDecimal lotSize,
      String hedgeSide,
      Long suggestedLots,
      String hedgeDecision,
      Long approvedLots) {}

  /** The variables the job writes. */
  public record Output(String hedgeId, long hedgeLots) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {
        "dealId",
        "metal",
        "hedgeContract",
        "hedgeExchange",
        "lotSize",
        "hedgeSide",
        "suggestedLots",
        "hedgeDecision",
        "approvedLots"
      })
  public Output record(final ActivatedJob job, @VariablesAsType final Input input) {
    final long lots = lots(input);
    if (!Set.of("BUY", "SELL").contains(input.hedgeSide())) {
      throw HedgeLeg.invalid("variable 'hedgeSide' must be BUY or SELL, got " + input.hedgeSide());
    }
    if (input.dealId() == null || input.hedgeContract() == null || input.lotSize() == null) {
      throw HedgeLeg.invalid("variables 'dealId', 'hedgeContract' and 'lotSize' are required");
    }
    final HedgeBook.HedgeBooking booking =
        new HedgeBook.HedgeBooking(
            job.getKey(),
            job.getProcessInstanceKey(),
            input.dealId(),
            input.metal(),
            input.hedgeExchange(),
            input.hedgeContract(),
            lots,
            input.lotSize(),
            input.hedgeSide());
    try {
      return new Output(book.book(booking), lots);
    } catch (final RuntimeException e) {
      throw CamundaError.jobError(
          "Booking the hedge of deal " + input.dealId() + " failed: " + e.getMessage(),
          Map.of(),
          Math.max(0, job.getRetries() - 1),
          RETRY_BACKOFF,
          e);
    }
  }

  /** The trader's adjusted lots for ADJUST, otherwise the suggestion's. */
  static long lots(final Input input) {
    final Long lots =
        "ADJUST".equals(input.hedgeDecision()) ? input.approvedLots() : input.suggestedLots();
    if (lots == null || lots <= 0) {
      throw HedgeLeg.invalid(
          "the lots to book must be a positive whole number, got "
              + lots
              + " (decision "
              + input.hedgeDecision()
              + ")");
    }
    return lots;
  }
}
