package org.openmineral.domain.valuation;

import java.util.List;
import java.util.Objects;

/** The commercial terms of a concentrate contract that decide its value. */
public record ValuationTerms(
    List<PayableTerm> payables,
    TreatmentCharge treatmentCharge,
    List<RefiningCharge> refiningCharges,
    List<Penalty> penalties) {

  public ValuationTerms {
    payables = List.copyOf(Objects.requireNonNull(payables, "payables"));
    refiningCharges = refiningCharges == null ? List.of() : List.copyOf(refiningCharges);
    penalties = penalties == null ? List.of() : List.copyOf(penalties);
  }
}
