package org.openmineral.domain.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a {@link WatchList} from a folder of OFAC legacy-CSV snapshots laid out as in {@code
 * reference-data/sanctions/}: {@code ofac-sdn-<date>[-suffix]/} and {@code
 * ofac-consolidated-<...>-<date>[-suffix]/} sub-folders.
 *
 * <p>How snapshots are combined:
 *
 * <ol>
 *   <li>SDN parties and primary names come from the newest {@code ofac-sdn-*} folder holding a
 *       {@code sdn.csv} (folder names sort by date). Its remarks give a.k.a. names, birth years and
 *       nationality.
 *   <li>Aliases ({@code alt.csv}), address countries ({@code add.csv}) and overflow remarks ({@code
 *       sdn_comments.csv}) come from the newest {@code ofac-sdn-*} folder holding an {@code
 *       alt.csv}, joined on {@code ent_num}, and only for parties still in the newest names file:
 *       parties that have left the list since are not screened against.
 *   <li>The newest {@code ofac-consolidated-*} folder's {@code cons_*.csv} add the non-SDN lists as
 *       entries {@code CONS-<ent_num>}, with their own aliases, addresses and comments.
 * </ol>
 */
public final class OfacWatchListLoader {
  /** List name of entries from the SDN files. */
  public static final String SDN = "OFAC-SDN";

  /** List name of entries from the consolidated non-SDN files. */
  public static final String CONSOLIDATED = "OFAC-CONS";

  private OfacWatchListLoader() {}

  /** Loads every list found under {@code sanctionsFolder}. */
  public static WatchList load(final Path sanctionsFolder) {
    final List<String> sources = new ArrayList<>();
    final List<WatchListEntry> entries = new ArrayList<>();
    final Optional<Path> names = newest(sanctionsFolder, "ofac-sdn-", "sdn.csv");
    if (names.isPresent()) {
      final Path enrichment = newest(sanctionsFolder, "ofac-sdn-", "alt.csv").orElse(names.get());
      final Map<String, Draft> sdn =
          primary(
              names.get().resolve("sdn.csv"), "SDN-", SDN, enrichment.resolve("sdn_comments.csv"));
      final int aliases = aliases(enrichment.resolve("alt.csv"), sdn, "SDN-");
      addresses(enrichment.resolve("add.csv"), sdn, "SDN-");
      sdn.values().forEach(d -> entries.add(d.entry()));
      sources.add(
          "%s: %d parties from %s; %d aliases, addresses and comments from %s"
              .formatted(
                  SDN, sdn.size(), names.get().getFileName(), aliases, enrichment.getFileName()));
    }
    final Optional<Path> cons = newest(sanctionsFolder, "ofac-consolidated-", "cons_prim.csv");
    if (cons.isPresent()) {
      final Map<String, Draft> nonSdn =
          primary(
              cons.get().resolve("cons_prim.csv"),
              "CONS-",
              CONSOLIDATED,
              cons.get().resolve("cons_comments.csv"));
      final int aliases = aliases(cons.get().resolve("cons_alt.csv"), nonSdn, "CONS-");
      addresses(cons.get().resolve("cons_add.csv"), nonSdn, "CONS-");
      nonSdn.values().forEach(d -> entries.add(d.entry()));
      sources.add(
          "%s: %d parties and %d aliases from %s"
              .formatted(CONSOLIDATED, nonSdn.size(), aliases, cons.get().getFileName()));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no OFAC list files under " + sanctionsFolder);
    }
    return new WatchList(entries, sources);
  }

  private static Optional<Path> newest(final Path root, final String prefix, final String file) {
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> Files.isRegularFile(p.resolve(file)))
          .max(Comparator.comparing(OfacWatchListLoader::dateOf));
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** The first {@code yyyy-mm-dd} in a folder name, so "newest" means the snapshot's date. */
  private static String dateOf(final Path folder) {
    final var m =
        java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(folder.toString());
    return m.find() ? m.group() : "";
  }

  private static Map<String, Draft> primary(
      final Path file, final String idPrefix, final String list, final Path comments) {
    final Map<String, String> overflow = new HashMap<>();
    for (final String[] row : OfacLegacyCsv.read(comments, 2)) {
      if (row[0] != null && row[1] != null) {
        overflow.merge(row[0], row[1], (a, b) -> a + " " + b);
      }
    }
    final Map<String, Draft> drafts = new LinkedHashMap<>();
    for (final String[] row : OfacLegacyCsv.read(file, 12)) {
      if (row[0] == null || row[1] == null) {
        continue;
      }
      final Draft draft =
          new Draft(
              idPrefix + row[0],
              list,
              EntryType.fromOfac(row[2]),
              row[1],
              OfacLegacyCsv.programs(row[3]));
      if (row[9] != null) {
        draft.countries.add(row[9]);
      }
      draft.remarks(OfacRemarks.parse(row[11]));
      draft.remarks(OfacRemarks.parse(overflow.get(row[0])));
      drafts.put(draft.id, draft);
    }
    return drafts;
  }

  private static int aliases(
      final Path file, final Map<String, Draft> drafts, final String prefix) {
    int added = 0;
    for (final String[] row : OfacLegacyCsv.read(file, 5)) {
      final Draft draft = drafts.get(prefix + row[0]);
      if (draft != null && row[3] != null && draft.alias(row[3])) {
        added++;
      }
    }
    return added;
  }

  private static void addresses(
      final Path file, final Map<String, Draft> drafts, final String prefix) {
    for (final String[] row : OfacLegacyCsv.read(file, 6)) {
      final Draft draft = drafts.get(prefix + row[0]);
      if (draft != null && row[4] != null) {
        draft.countries.add(row[4]);
      }
    }
  }

  /** An entry being assembled from several files. */
  private static final class Draft {
    private final String id;
    private final String list;
    private final EntryType type;
    private final String name;
    private final List<String> programs;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Set<String> countries = new LinkedHashSet<>();
    private final Set<Integer> birthYears = new LinkedHashSet<>();

    Draft(
        final String id,
        final String list,
        final EntryType type,
        final String name,
        final List<String> programs) {
      this.id = id;
      this.list = list;
      this.type = type;
      this.name = name;
      this.programs = programs;
    }

    void remarks(final OfacRemarks remarks) {
      remarks.aliases().forEach(this::alias);
      countries.addAll(remarks.countries());
      birthYears.addAll(remarks.birthYears());
    }

    /** Adds an alias unless it repeats the name or another alias (ignoring case); true if added. */
    boolean alias(final String alias) {
      final String key = alias.toUpperCase(Locale.ROOT);
      if (key.equals(name.toUpperCase(Locale.ROOT))) {
        return false;
      }
      return aliases.putIfAbsent(key, alias) == null;
    }

    WatchListEntry entry() {
      return new WatchListEntry(
          id,
          list,
          type,
          name,
          List.copyOf(aliases.values()),
          countries,
          type == EntryType.INDIVIDUAL ? birthYears : Set.of(),
          programs);
    }
  }
}
