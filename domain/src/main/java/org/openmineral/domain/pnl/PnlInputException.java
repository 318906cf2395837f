package org.openmineral.domain.pnl;

/** A P&L input that cannot be priced: a missing or negative quantity or price. */
public class PnlInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PnlInputException(final String message) {
    super(message);
  }
}
