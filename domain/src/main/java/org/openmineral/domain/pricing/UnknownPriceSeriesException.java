package org.openmineral.domain.pricing;

/** A price series asked for that the store does not hold. */
public class UnknownPriceSeriesException extends RuntimeException {
  public UnknownPriceSeriesException(final String message) {
    super(message);
  }
}
