package org.openmineral.domain.reporting;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * A Legal Entity Identifier (ISO 17442): 18 upper-case letters or digits followed by two check
 * digits, valid when the whole code read as a number (letters A-Z as 10-35) leaves 1 modulo 97 (ISO
 * 7064 MOD 97-10, as IBANs).
 */
public final class Lei {
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Lei() {}

  /** Why {@code code} is not a valid LEI, or empty when it is one. */
  public static Optional<String> problem(final String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("missing");
    }
    final String lei = code.trim().toUpperCase(Locale.ROOT);
    if (!lei.matches("[A-Z0-9]{18}[0-9]{2}")) {
      return Optional.of("'" + code + "' is not 18 letters or digits followed by 2 check digits");
    }
    final StringBuilder digits = new StringBuilder(40);
    for (int i = 0; i < lei.length(); i++) {
      digits.append(Character.digit(lei.charAt(i), 36));
    }
    if (!new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
      return Optional.of("'" + code + "' fails the ISO 17442 check digits");
    }
    return Optional.empty();
  }

  public static boolean isValid(final String code) {
    return problem(code).isEmpty();
  }
}
