package org.openmineral.domain.assay;

/**
 * How the umpire's result settles an element whose exchanged assays differ by more than the
 * splitting limit. The contract chooses one; both share the rules for a result outside the parties'
 * range and for the umpire's cost.
 *
 * <p>Common to both:
 *
 * <ul>
 *   <li>umpire outside the range of the two parties' results: the result of the party nearest the
 *       umpire settles;
 *   <li>the party whose result is further from the umpire's pays the umpire's cost; equally far,
 *       the cost is shared equally (OpenMineral's default for the tie, which contracts rarely
 *       state).
 * </ul>
 *
 * <p>An umpire result equal to one party's result is "between" (the range is inclusive).
 */
public enum UmpireRule {
  /** Umpire between the parties (inclusive): the umpire's result settles. */
  UMPIRE_RESULT_IF_BETWEEN,

  /**
   * Umpire between the parties (inclusive): the mean of the umpire's result and the result of the
   * party nearer to it settles. If the umpire is exactly midway, neither party is nearer and the
   * umpire's result (which is then also the mean of the parties) settles.
   */
  MEAN_OF_UMPIRE_AND_NEARER_PARTY_IF_BETWEEN
}
