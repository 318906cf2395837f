package org.openmineral.domain.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import net.datafaker.Faker;

/**
 * A labelled set of names for measuring screening quality, built from the watch list and a seed so
 * that it is the same on every run with that seed.
 *
 * <p>Positives: {@value #PER_VARIANT} per variant kind ({@code typo}, {@code swapped}, {@code
 * dropped}, {@code transliteration}, {@code legal-form}). Entries (individuals, entities, vessels;
 * not aircraft) are taken in seeded random order; the source is the primary name, or 30% of the
 * time a random alias; the first entries the variant applies to are used, one name per entry per
 * kind. Every query is then written in upper, lower, title or the original case.
 *
 * <p>Negatives: names that are not on the list, made four ways: datafaker person names (first and
 * last) and company names (half with a legal form) from eleven Latin-script locales, and
 * recombinations of list names (a given name of one listed individual with the surname of another;
 * the first word of one listed entity with the last word of another). A negative is discarded if
 * all its tokens (normalised, put in the first spelling of their {@link NameVariants} romanisation
 * group, and folded) appear in one listed name, because then it is a listed name with words dropped
 * or romanised differently, which the set counts as a positive.
 */
final class LabelledScreeningSet {
  static final int PER_VARIANT = 120;
  static final int FAKER_PEOPLE = 250;
  static final int FAKER_COMPANIES = 150;
  static final int RECOMBINED_PEOPLE = 150;
  static final int RECOMBINED_ENTITIES = 50;
  private static final List<Locale> LOCALES =
      List.of(
          Locale.US,
          Locale.UK,
          Locale.GERMANY,
          Locale.FRANCE,
          Locale.ITALY,
          Locale.forLanguageTag("es-ES"),
          Locale.forLanguageTag("nl-NL"),
          Locale.forLanguageTag("pt-BR"),
          Locale.forLanguageTag("tr-TR"),
          Locale.forLanguageTag("pl-PL"),
          Locale.forLanguageTag("sv-SE"));
  private static final List<String> FORMS = List.of("LLC", "Ltd", "GmbH", "S.A.", "Inc.", "AG");

  private final Random random;
  private final NameVariants variants;
  private final List<WatchListEntry> entries;
  private final Map<String, List<Set<String>>> listedByToken = new HashMap<>();
  private final NameNormaliser normaliser = new NameNormaliser();
  private int discarded;

  private LabelledScreeningSet(final WatchList list, final long seed) {
    this.random = new Random(seed);
    this.variants = new NameVariants(random);
    this.entries = list.entries().stream().filter(e -> e.type() != EntryType.AIRCRAFT).toList();
    for (final WatchListEntry entry : entries) {
      for (final String name : entry.names()) {
        final Set<String> tokens = folded(name);
        for (final String token : tokens) {
          listedByToken.computeIfAbsent(token, t -> new ArrayList<>()).add(tokens);
        }
      }
    }
  }

  /** The labelled set for {@code seed}, and how many negatives were discarded as listed. */
  record Built(List<LabelledName> names, int discardedNegatives) {}

  static Built build(final WatchList list, final long seed) {
    final LabelledScreeningSet set = new LabelledScreeningSet(list, seed);
    final List<LabelledName> names = new ArrayList<>();
    set.positives("typo", (v, n) -> v.typo(n), names);
    set.positives("swapped", (v, n) -> v.swapped(n), names);
    set.positives("dropped", (v, n) -> v.dropped(n), names);
    set.positives("transliteration", (v, n) -> v.transliterated(n), names);
    set.legalFormPositives(names);
    set.negatives(names);
    return new Built(names, set.discarded);
  }

  private void positives(
      final String kind,
      final BiFunction<NameVariants, String, Optional<String>> variant,
      final List<LabelledName> out) {
    final List<WatchListEntry> order = shuffled(entries);
    int made = 0;
    for (final WatchListEntry entry : order) {
      if (made == PER_VARIANT) {
        break;
      }
      final String source = source(entry);
      final Optional<String> query = variant.apply(variants, source);
      if (query.isPresent() && !query.get().equalsIgnoreCase(source)) {
        out.add(new LabelledName(variants.restyled(query.get()), entry.id(), kind, source));
        made++;
      }
    }
  }

  private void legalFormPositives(final List<LabelledName> out) {
    final List<WatchListEntry> companies =
        shuffled(entries.stream().filter(e -> e.type() == EntryType.ENTITY).toList());
    for (int i = 0; i < PER_VARIANT; i++) {
      final WatchListEntry entry = companies.get(i);
      final String source = source(entry);
      variants
          .legalFormChanged(source)
          .ifPresent(
              q ->
                  out.add(
                      new LabelledName(variants.restyled(q), entry.id(), "legal-form", source)));
    }
  }

  private void negatives(final List<LabelledName> out) {
    final Map<String, Integer> wanted = new LinkedHashMap<>();
    wanted.put("faker-person", FAKER_PEOPLE);
    wanted.put("faker-company", FAKER_COMPANIES);
    wanted.put("recombined-person", RECOMBINED_PEOPLE);
    wanted.put("recombined-entity", RECOMBINED_ENTITIES);
    final List<Faker> fakers =
        LOCALES.stream().map(l -> new Faker(l, new Random(random.nextLong()))).toList();
    final List<WatchListEntry> people =
        entries.stream()
            .filter(e -> e.type() == EntryType.INDIVIDUAL && e.primaryName().contains(", "))
            .toList();
    final List<WatchListEntry> companies =
        entries.stream().filter(e -> e.type() == EntryType.ENTITY).toList();
    for (final var kind : wanted.entrySet()) {
      int made = 0;
      while (made < kind.getValue()) {
        final Faker faker = fakers.get(random.nextInt(fakers.size()));
        final String name =
            switch (kind.getKey()) {
              case "faker-person" -> faker.name().firstName() + " " + faker.name().lastName();
              case "faker-company" ->
                  faker.company().name()
                      + (random.nextBoolean() ? " " + FORMS.get(random.nextInt(FORMS.size())) : "");
              case "recombined-person" -> recombinedPerson(people);
              default -> recombinedEntity(companies);
            };
        if (name == null || normaliser.normalise(name).isEmpty()) {
          continue;
        }
        if (isDroppedWordsOfAListedName(name)) {
          discarded++;
          continue;
        }
        out.add(new LabelledName(variants.restyled(name), null, kind.getKey(), null));
        made++;
      }
    }
  }

  private String recombinedPerson(final List<WatchListEntry> people) {
    final String a = people.get(random.nextInt(people.size())).primaryName();
    final String b = people.get(random.nextInt(people.size())).primaryName();
    final String given = a.substring(a.indexOf(", ") + 2).split(" ")[0];
    final String surname = b.substring(0, b.indexOf(", "));
    return given + " " + surname;
  }

  private String recombinedEntity(final List<WatchListEntry> companies) {
    final List<String> a =
        normaliser
            .normalise(companies.get(random.nextInt(companies.size())).primaryName())
            .tokens();
    final List<String> b =
        normaliser
            .normalise(companies.get(random.nextInt(companies.size())).primaryName())
            .tokens();
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    return a.getFirst() + " " + b.getLast() + " " + FORMS.get(random.nextInt(FORMS.size()));
  }

  private boolean isDroppedWordsOfAListedName(final String name) {
    final Set<String> tokens = folded(name);
    final String first = tokens.iterator().next();
    return listedByToken.getOrDefault(first, List.of()).stream()
        .anyMatch(l -> l.containsAll(tokens));
  }

  private Set<String> folded(final String name) {
    final Set<String> tokens = new HashSet<>();
    normaliser
        .normalise(name)
        .tokens()
        .forEach(t -> tokens.add(TransliterationFold.fold(NameVariants.canonical(t))));
    return tokens;
  }

  private String source(final WatchListEntry entry) {
    if (!entry.aliases().isEmpty() && random.nextInt(10) < 3) {
      return entry.aliases().get(random.nextInt(entry.aliases().size()));
    }
    return entry.primaryName();
  }

  private <T> List<T> shuffled(final List<T> items) {
    final List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }
}
