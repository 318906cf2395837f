package org.openmineral.domain.hedging;

/** Input to an exposure or hedge calculation that cannot be right, with a message saying why. */
public final class HedgingInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HedgingInputException(final String message) {
    super(message);
  }
}
