package org.openmineral.domain.risk;

/** Input to a risk calculation that cannot be right, with a message saying why. */
public final class RiskInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RiskInputException(final String message) {
    super(message);
  }
}
