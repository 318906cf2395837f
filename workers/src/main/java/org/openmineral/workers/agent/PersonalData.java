package org.openmineral.workers.agent;

import java.util.regex.Pattern;

/**
 * Keeps personal data the agents do not need out of prompts: e-mail addresses, telephone numbers,
 * IBANs and dates of birth in any text sent to a model (inputs and tool answers) are replaced by a
 * placeholder naming what was removed. Names stay: comparing names is what screening review is
 * about. Each agent also sends only the variables it needs.
 */
public final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w.])\\+\\d[\\d ()./-]{7,}\\d(?![\\w.])");
  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?i)\\b(?:date of birth|born|dob)\\b[:\\s]*\\d{1,4}[-./ ]\\d{1,2}[-./ ]\\d{1,4}");

  private PersonalData() {}

  /** {@code text} with e-mail addresses, IBANs, telephone numbers and birth dates removed. */
  public static String redact(final String text) {
    if (text == null) {
      return null;
    }
    String out = EMAIL.matcher(text).replaceAll("[e-mail removed]");
    out = IBAN.matcher(out).replaceAll("[IBAN removed]");
    out = PHONE.matcher(out).replaceAll("[telephone removed]");
    return DATE_OF_BIRTH.matcher(out).replaceAll("[date of birth removed]");
  }
}
