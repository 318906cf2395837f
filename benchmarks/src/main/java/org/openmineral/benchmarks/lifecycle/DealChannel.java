package org.openmineral.benchmarks.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the lifecycle driver acts on a product: capture a deal, complete a user task, report a
 * business event. The engine-only baseline talks to the engine directly; the full product goes
 * through its HTTP API. Every method may block; the driver calls them off the record feed's thread.
 */
interface DealChannel extends AutoCloseable {

  /** Captures deal number {@code n} and returns its id (the trade lifecycle's {@code dealId}). */
  String capture(int n) throws Exception;

  /** Completes a user task the happy path needs, with the variables a person would submit. */
  void completeTask(long taskKey, String elementId, List<String> candidateGroups, String dealId)
      throws Exception;

  /**
   * Reports a deal's business event ({@code vessel-nominated}, {@code bill-of-lading-issued},
   * {@code arrived}, {@code assays-received}, {@code payment-received}) with the body of {@code
   * POST /api/deals/{id}/events/{event}}; {@code invoiceId}, the invoice paid (the body's {@code
   * invoice} says which of the two), is known for a payment only.
   */
  void event(String dealId, String event, Map<String, Object> body, String invoiceId)
      throws Exception;

  /**
   * The event's key in a lifecycle: one per invoice for a payment (the body's {@code invoice}), one
   * per deal for the other events.
   */
  static String eventKey(final Map<String, Object> body) {
    final Object invoice = body.get("invoice");
    return invoice == null ? "1" : invoice.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The time the product's job handlers spent so far, per job type: from the job handed to the
   * worker until its complete or fail command was sent. Empty where the product does not measure it
   * (the baseline's no-op handlers).
   */
  default Map<String, HandlerTime> handlerTime() {
    return Map.of();
  }

  /**
   * Hands each job's handler time, as the product measures it, to {@code listener} from now on;
   * nothing where the product does not time its handlers (the baseline's no-op handlers: there the
   * whole turnaround is the engine's).
   */
  default void onJobHandled(final JobTimeListener listener) {}

  /** One job's handler time: from the job handed to the worker until its command was sent. */
  @FunctionalInterface
  interface JobTimeListener {
    void handled(long jobKey, long nanos);
  }

  /** A job type's total handler time and number of jobs handled. */
  record HandlerTime(double seconds, long jobs) {
    HandlerTime minus(final HandlerTime earlier) {
      return earlier == null
          ? this
          : new HandlerTime(seconds - earlier.seconds(), jobs - earlier.jobs());
    }
  }

  @Override
  void close() throws Exception;
}
