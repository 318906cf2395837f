package org.openmineral.domain.pricing;

/**
 * A quotational period that cannot be determined or priced as asked: an arrival date not yet known,
 * a declaration out of time or outside the contract's options, a monthly series asked for part of a
 * month, a period with no official prices.
 */
public class QuotationalPeriodException extends RuntimeException {
  public QuotationalPeriodException(final String message) {
    super(message);
  }
}
