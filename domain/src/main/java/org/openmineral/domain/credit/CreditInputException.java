package org.openmineral.domain.credit;

/** Input to a credit calculation that cannot be right, with a message saying why. */
public final class CreditInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CreditInputException(final String message) {
    super(message);
  }
}
