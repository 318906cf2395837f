package org.openmineral.domain.screening;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One listed party a screened name may be. Maps to the API's match object {@code {"entryId",
 * "name", "matchedName", "score", "list", "type", "reason"}}.
 *
 * @param entryId the entry's id, e.g. {@code SDN-24231}
 * @param name the entry's primary name as listed
 * @param matchedName the listed name (primary or alias) that matched best
 * @param score the match score in [0, 1] with scale {@value #SCALE}, half up
 * @param list the list the entry is on, e.g. {@code OFAC-SDN}
 * @param type what the entry names
 * @param reason why it matched, for the reviewer: token pairs, what was left over, evidence
 */
public record ScreeningMatch(
    String entryId,
    String name,
    String matchedName,
    BigDecimal score,
    String list,
    EntryType type,
    String reason) {
  /** Decimal places of {@link #score}. */
  public static final int SCALE = 3;

  public ScreeningMatch {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(score, "score");
    if (score.scale() != SCALE) {
      throw new IllegalArgumentException("score must have scale " + SCALE + ": " + score);
    }
  }
}
