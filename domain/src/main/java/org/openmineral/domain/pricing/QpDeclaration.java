package org.openmineral.domain.pricing;

import java.time.LocalDate;
import java.util.Objects;

/** A party's declaration of the quotational period it chose, and the day it declared it. */
public record QpDeclaration(Declarant declaredBy, QuotationalPeriod choice, LocalDate declaredOn) {
  public QpDeclaration {
    Objects.requireNonNull(declaredBy, "declaredBy");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(declaredOn, "declaredOn");
  }
}
