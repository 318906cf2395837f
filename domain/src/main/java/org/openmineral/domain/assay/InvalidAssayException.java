package org.openmineral.domain.assay;

/**
 * Assay input that cannot be settled: an impossible result, a missing party result, a unit that
 * does not match the contract's splitting limit, an element without an agreed limit, an umpire
 * result that is not needed, or a settlement asked for while the umpire is still awaited.
 */
public class InvalidAssayException extends RuntimeException {
  public InvalidAssayException(final String message) {
    super(message);
  }
}
