package org.openmineral.domain.forecasting;

/** A forecast cannot be made: too little history, a non-positive price, a bad parameter. */
public class ForecastException extends RuntimeException {
  public ForecastException(final String message) {
    super(message);
  }
}
