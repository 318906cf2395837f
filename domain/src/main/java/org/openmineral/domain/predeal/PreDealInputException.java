package org.openmineral.domain.predeal;

/** A proposed deal that cannot be analysed, naming the input at fault. */
public class PreDealInputException extends RuntimeException {
  private final String field;

  public PreDealInputException(final String field, final String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
