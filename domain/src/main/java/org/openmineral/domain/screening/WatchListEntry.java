package org.openmineral.domain.screening;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One listed party: an individual, entity, vessel or aircraft, with every name it is listed under.
 *
 * @param id stable id, list prefix plus OFAC {@code ent_num}: {@code SDN-12345}, {@code CONS-456}
 * @param list the list it is on, e.g. {@code OFAC-SDN}
 * @param type what the entry names
 * @param primaryName the name as the list writes it, e.g. {@code KOSACHEV, Konstantin Iosifovich}
 * @param aliases a.k.a./f.k.a./n.k.a. names, as written
 * @param countries country names from addresses, nationality, citizenship and vessel flag, as OFAC
 *     writes them (e.g. {@code Russia}); may be empty
 * @param birthYears years of birth found in the remarks ({@code DOB 12 Jan 1970}, {@code alt. DOB
 *     1971}); empty when unknown or not an individual
 * @param programs sanctions programs, e.g. {@code RUSSIA-EO14024}
 */
public record WatchListEntry(
    String id,
    String list,
    EntryType type,
    String primaryName,
    List<String> aliases,
    Set<String> countries,
    Set<Integer> birthYears,
    List<String> programs) {

  public WatchListEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(primaryName, "primaryName");
    aliases = List.copyOf(aliases);
    countries = Set.copyOf(countries);
    birthYears = Set.copyOf(birthYears);
    programs = List.copyOf(programs);
  }

  /** The primary name followed by the aliases. */
  public List<String> names() {
    final var all = new java.util.ArrayList<String>(1 + aliases.size());
    all.add(primaryName);
    all.addAll(aliases);
    return all;
  }
}
