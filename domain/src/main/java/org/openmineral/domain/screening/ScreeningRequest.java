package org.openmineral.domain.screening;

import java.util.Objects;

/**
 * A party to screen: a name, and optionally what else is known about it.
 *
 * @param name the name as written, in Latin script, any case or accents
 * @param type only list entries of this type are considered; {@code null} for all
 * @param country a country name as OFAC writes it (e.g. {@code Russia}, {@code Iran}), or {@code
 *     null}; used as evidence, never to exclude
 * @param birthYear year of birth of an individual, or {@code null}; used as evidence
 */
public record ScreeningRequest(String name, EntryType type, String country, Integer birthYear) {

  public ScreeningRequest {
    Objects.requireNonNull(name, "name");
  }

  /** A name with nothing else known. */
  public static ScreeningRequest of(final String name) {
    return new ScreeningRequest(name, null, null, null);
  }
}
