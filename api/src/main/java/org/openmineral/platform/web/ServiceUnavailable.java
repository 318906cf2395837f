package org.openmineral.platform.web;

/** A capability that cannot answer now (e.g. its reference data is missing); answered with 503. */
public class ServiceUnavailable extends RuntimeException {
  public ServiceUnavailable(final String message) {
    super(message);
  }
}
