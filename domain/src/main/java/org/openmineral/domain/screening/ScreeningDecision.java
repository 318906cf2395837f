package org.openmineral.domain.screening;

/** What a screening concludes. */
public enum ScreeningDecision {
  /** No listed name scored at or above the potential-match threshold. */
  CLEAR,
  /** At least one listed name did: a person must review the matches before going ahead. */
  POTENTIAL_MATCH
}
