package org.openmineral.domain.screening;

import java.util.List;
import java.util.Optional;

/**
 * The parties to screen against, from one or more published lists, each entry once.
 *
 * @param entries the listed parties, in the order the lists give them
 * @param sources one line per file set read, saying what was taken from it
 */
public record WatchList(List<WatchListEntry> entries, List<String> sources) {

  public WatchList {
    entries = List.copyOf(entries);
    sources = List.copyOf(sources);
  }

  /** The entry with this id, e.g. {@code SDN-24231}. */
  public Optional<WatchListEntry> entry(final String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** How many names (primary plus aliases) the list holds. */
  public int nameCount() {
    return entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
  }
}
