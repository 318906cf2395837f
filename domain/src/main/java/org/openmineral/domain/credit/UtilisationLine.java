package org.openmineral.domain.credit;

import java.util.Objects;
import org.openmineral.domain.units.Money;

/**
 * One item of a credit utilisation: what it is, its amount, what of it counts, and by which rule.
 */
public record UtilisationLine(
    Kind kind, String reference, Money amount, Money counted, String rule) {
  /** What uses credit. */
  public enum Kind {
    OPEN_INVOICE,
    UNREALISED_EXPOSURE,
    PENDING_DEAL
  }

  public UtilisationLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(counted, "counted");
    Objects.requireNonNull(rule, "rule");
  }
}
