package org.openmineral.domain.screening;

/**
 * Where screening draws its lines.
 *
 * @param potentialMatch a final score (name score plus evidence) at or above this is a potential
 *     match
 * @param maxMatches at most this many matches are reported, best first
 */
public record ScreeningThresholds(double potentialMatch, int maxMatches) {
  /** The thresholds the quality figures in {@code docs/domain-screening.md} were measured with. */
  public static final ScreeningThresholds DEFAULT = new ScreeningThresholds(0.89, 25);

  public ScreeningThresholds {
    if (potentialMatch <= 0 || potentialMatch > 1) {
      throw new IllegalArgumentException("potentialMatch must be in (0, 1]: " + potentialMatch);
    }
    if (maxMatches < 1) {
      throw new IllegalArgumentException("maxMatches must be at least 1: " + maxMatches);
    }
  }
}
