package org.openmineral.workers.hedging;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The booked hedges as the workers need them; the application implements it on its database. Both
 * writes are idempotent per job: the same job recorded twice (a redelivery) writes once.
 */
public interface HedgeBook {

  /**
   * A hedge to book.
   *
   * @param jobKey the job that books it: the idempotency key
   * @param processInstanceKey the hedging instance
   * @param dealId the deal whose physical leg is hedged
   * @param metal the metal's symbol, e.g. {@code Cu}
   * @param exchange e.g. {@code LME}
   * @param contract the house contract code, e.g. {@code LME-CU}
   * @param lots whole lots, positive
   * @param lotSize metal per lot
   * @param direction {@code BUY} or {@code SELL}
   */
  record HedgeBooking(
      long jobKey,
      long processInstanceKey,
      String dealId,
      String metal,
      String exchange,
      String contract,
      long lots,
      BigDecimal lotSize,
      String direction) {}

  /**
   * Books {@code booking} unless its job already did.
   *
   * @return the hedge's id (a UUID), the same for a redelivered job
   * @throws RuntimeException on a technical failure (database unavailable)
   */
  String book(HedgeBooking booking);

  /**
   * The fixing of a hedge on one pricing date.
   *
   * @param jobKey the job that records it: the idempotency key
   * @param hedgeId the hedge
   * @param fixingDate the date the leg priced to
   * @param lotsFixedTotal the hedge's lots that the priced part of the leg accounts for, from the
   *     start of the pricing to {@code fixingDate}
   * @param complete whether the leg is fully priced: the hedge is then closed
   */
  record RollFixing(
      long jobKey, String hedgeId, LocalDate fixingDate, long lotsFixedTotal, boolean complete) {}

  /**
   * Records the lots fixed since the previous fixing ({@code lotsFixedTotal} minus those already
   * recorded) unless this job already did, and closes the hedge when the fixing is complete.
   *
   * @return the lots recorded as fixed for this hedge so far, after this fixing
   * @throws UnknownHedge when no hedge has the id
   * @throws RuntimeException on a technical failure
   */
  long recordRoll(RollFixing fixing);

  /** No hedge has the id the process carries. */
  class UnknownHedge extends RuntimeException {
    public UnknownHedge(final String message) {
      super(message);
    }
  }
}
