package org.openmineral.domain.screening;

import java.util.List;

/**
 * The outcome of screening one name; maps to the API's {@code {"decision": "CLEAR" |
 * "POTENTIAL_MATCH", "matches": [...]}}.
 *
 * @param decision {@code POTENTIAL_MATCH} exactly when {@code matches} is not empty
 * @param matches entries scoring at or above the potential-match threshold, best first, at most one
 *     per entry
 */
public record ScreeningResult(ScreeningDecision decision, List<ScreeningMatch> matches) {

  public ScreeningResult {
    matches = List.copyOf(matches);
    if ((decision == ScreeningDecision.CLEAR) != matches.isEmpty()) {
      throw new IllegalArgumentException("a clear result has no matches, a potential match has");
    }
  }

  /** The result for a list of matches, best first. */
  static ScreeningResult of(final List<ScreeningMatch> matches) {
    return new ScreeningResult(
        matches.isEmpty() ? ScreeningDecision.CLEAR : ScreeningDecision.POTENTIAL_MATCH, matches);
  }
}
