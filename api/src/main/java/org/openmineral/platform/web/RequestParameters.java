package org.openmineral.platform.web;

/** Request values the controllers read the same way, each refused with a problem naming it. */
public final class RequestParameters {
  /** The header that makes a create or an event safe to send again. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private RequestParameters() {}

  /**
   * The caller's idempotency key: the {@code Idempotency-Key} header or the body's {@code
   * bodyField}, trimmed; both given must be equal. Null when neither is; at most 255 characters.
   */
  public static String idempotencyKey(
      final String header, final String body, final String bodyField) {
    final String fromHeader = header == null || header.isBlank() ? null : header.trim();
    final String fromBody = body == null || body.isBlank() ? null : body.trim();
    if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
      throw new InvalidRequestField(
          bodyField, "differs from the Idempotency-Key header; give one or make them equal");
    }
    final String key = fromHeader != null ? fromHeader : fromBody;
    if (key != null && key.length() > 255) {
      throw new InvalidRequestField(
          fromHeader != null ? IDEMPOTENCY_KEY : bodyField, "is longer than 255 characters");
    }
    return key;
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when not given. */
  public static int wholeNumber(
      final String value, final String field, final int fallback, final int min, final int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      final int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (final NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestField(
        field, "must be a whole number from " + min + " to " + max + "; was '" + value + "'");
  }
}
