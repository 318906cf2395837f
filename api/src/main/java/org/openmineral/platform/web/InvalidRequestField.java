package org.openmineral.platform.web;

/** A request field the API cannot accept; answered with 400 problem details naming it. */
public class InvalidRequestField extends RuntimeException {
  private final String field;

  public InvalidRequestField(final String field, final String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
