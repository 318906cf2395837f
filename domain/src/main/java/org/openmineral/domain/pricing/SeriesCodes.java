package org.openmineral.domain.pricing;

import java.util.Locale;

/** Reading the parts of a series code. */
final class SeriesCodes {
  private SeriesCodes() {}

  /** The three slash- or dot-separated parts of {@code body}, trimmed. */
  static String[] threeParts(final String body, final String example) {
    final String[] parts = body == null ? new String[0] : body.trim().split("[/.]", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("'" + body + "' is not a series code like " + example);
    }
    for (int i = 0; i < 3; i++) {
      parts[i] = parts[i].trim();
    }
    return parts;
  }

  /** The market or source code, upper case. */
  static String market(final String market, final String what) {
    if (market == null || market.isBlank()) {
      throw new IllegalArgumentException("a " + what + " series needs a market or source code");
    }
    final String upper = market.trim().toUpperCase(Locale.ROOT);
    if (!upper.matches("[A-Z0-9_]+")) {
      throw new IllegalArgumentException(
          "'" + market + "' is not a market or source code (letters, digits and _)");
    }
    return upper;
  }
}
