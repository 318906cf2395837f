package org.openmineral.workers.hedging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.openmineral.domain.hedging.Pricing;
import org.openmineral.domain.hedging.PricingProgress;
import org.springframework.stereotype.Component;

/**
 * Job type {@code hedge.fix-qp-roll}: records how much of the hedge the leg's pricing has fixed by
 * {@code fixingDate}.
 *
 * <p>With n of the leg's N pricing days passed at the end of {@code fixingDate} ({@link
 * Pricing#progressOn}), the hedge's fixed lots are {@code hedgeLots x n / N} rounded to the nearest
 * whole lot (halves up); the lots fixed since the previous fixing are recorded with the date. A
 * fixed price is one pricing day: everything fixes on its date.
 *
 * <p>Reads {@code hedgeId}, {@code hedgeLots}, {@code pricing} and {@code fixingDate} (an ISO date
 * the model computes with the engine's clock). Writes {@code lotsFixed} (so far) and {@code
 * qpFullyPriced}; once fully priced the hedge is closed. Idempotent per job key.
 */
@Component
public class HedgeFixQpRollWorker {
  public static final String TYPE = "hedge.fix-qp-roll";
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

  private final HedgeBook book;

  public HedgeFixQpRollWorker(final HedgeBook book) {
    this.book = book;
  }

  /** The variables the job reads. */
  public record Input(
      String hedgeId, Long hedgeLots, Map<String, Object> pricing, String fixingDate) {}

  /** The variables the job writes. */
  public record Output(long lotsFixed, boolean qpFullyPriced) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"hedgeId", "hedgeLots", "pricing", "fixingDate"})
  public Output fix(final ActivatedJob job, @VariablesAsType final Input input) {
    if (input.hedgeId() == null || input.hedgeLots() == null || input.hedgeLots() <= 0) {
      throw HedgeLeg.invalid("variables 'hedgeId' and 'hedgeLots' (positive) are required");
    }
    final PricingProgress progress;
    final LocalDate fixingDate;
    try {
      fixingDate = HedgeLeg.date(input.fixingDate(), "fixingDate");
      progress = HedgeLeg.pricing(input.pricing()).progressOn(fixingDate);
    } catch (final IllegalArgumentException e) {
      throw HedgeLeg.invalid(e.getMessage());
    }
    final long target = fixedLots(input.hedgeLots(), progress);
    try {
      final long fixed =
          book.recordRoll(
              new HedgeBook.RollFixing(
                  job.getKey(), input.hedgeId(), fixingDate, target, progress.complete()));
      return new Output(fixed, progress.complete());
    } catch (final HedgeBook.UnknownHedge e) {
      throw HedgeLeg.invalid(e.getMessage());
    } catch (final RuntimeException e) {
      throw CamundaError.jobError(
          "Recording the fixing of hedge " + input.hedgeId() + " failed: " + e.getMessage(),
          Map.of(),
          Math.max(0, job.getRetries() - 1),
          RETRY_BACKOFF,
          e);
    }
  }

  /** {@code lots x priced / total}, to the nearest whole lot, halves up. */
  static long fixedLots(final long lots, final PricingProgress progress) {
    final long numerator = 2 * lots * progress.pricedDays() + progress.totalDays();
    return numerator / (2L * progress.totalDays());
  }
}
