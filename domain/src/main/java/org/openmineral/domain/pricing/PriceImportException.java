package org.openmineral.domain.pricing;

/**
 * A price file that cannot be imported at all: unreadable, without the expected header, or for a
 * series that already exists with another frequency or provenance. Problems with single rows are
 * not exceptions; they are listed in the {@link ImportReport}.
 */
public class PriceImportException extends RuntimeException {
  public PriceImportException(final String message) {
    super(message);
  }

  public PriceImportException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
