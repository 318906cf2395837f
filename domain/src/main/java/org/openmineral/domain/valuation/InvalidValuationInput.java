package org.openmineral.domain.valuation;

/**
 * Valuation input that cannot be valued, naming the offending field as the API spells it (e.g.
 * {@code prices.Cu}, {@code moisturePct}) so callers can point at it.
 */
public final class InvalidValuationInput extends IllegalArgumentException {
  private final String field;

  public InvalidValuationInput(final String field, final String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
