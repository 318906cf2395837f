package org.openmineral.domain.pricing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The series OpenMineral knows, in memory, keyed by {@link SeriesId}: metal prices, FX rates and
 * TC/RC benchmarks ({@link SeriesKind}), all imported and read the same way.
 *
 * <p>Prices enter only by import, which validates every row and reports what it did in an {@link
 * ImportReport}: rows that cannot be prices (no date, not a number, negative, a second row for a
 * date, a different value for a date already stored) are rejected with their reason; suspicious
 * rows (moves above the {@link ImportRules} threshold, zero prices, gaps) are flagged. An import is
 * all or nothing for its accepted rows and idempotent: importing the same file again adds nothing
 * and reports every row as unchanged. A stored price is never overwritten.
 *
 * <p>Reads see an immutable {@link PriceSeries} snapshot; imports are serialised.
 */
public final class PriceSeriesStore {
  private final Map<SeriesId, PriceSeries> series = new ConcurrentHashMap<>();

  /** The series with this id. */
  public Optional<PriceSeries> find(final SeriesId id) {
    return Optional.ofNullable(series.get(id));
  }

  /**
   * The series with this id.
   *
   * @throws UnknownPriceSeriesException naming the series held, if there is none
   */
  public PriceSeries series(final SeriesId id) {
    return find(id)
        .orElseThrow(
            () ->
                new UnknownPriceSeriesException("no series " + id + "; the store holds " + ids()));
  }

  /** The ids of every series held, sorted by their text. */
  public Set<SeriesId> ids() {
    final Set<SeriesId> sorted = new TreeSet<>(java.util.Comparator.comparing(SeriesId::toString));
    sorted.addAll(series.keySet());
    return sorted;
  }

  /** The ids of the series of one kind, sorted by their text. */
  public Set<SeriesId> ids(final SeriesKind kind) {
    final Set<SeriesId> sorted = ids();
    sorted.removeIf(id -> id.kind() != kind);
    return sorted;
  }

  /**
   * Imports a daily CSV file with the header {@code date,value}: ISO dates ({@code 2025-11-03}) and
   * plain decimal values in the unit of {@code id}.
   *
   * @param source the file name or feed, kept in the report
   * @throws PriceImportException if the file cannot be read or lacks the header
   */
  public ImportReport importDailyCsv(
      final SeriesId id,
      final SeriesProvenance provenance,
      final Reader csv,
      final String source,
      final ImportRules rules) {
    final List<RawPriceRow> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get().parse(csv)) {
      boolean header = true;
      int line = 0;
      for (final CSVRecord record : parser) {
        line++;
        if (header) {
          header = false;
          if (record.size() < 2
              || !record.get(0).toLowerCase(Locale.ROOT).equals("date")
              || !record.get(1).toLowerCase(Locale.ROOT).equals("value")) {
            throw new PriceImportException(
                source
                    + ": expected the header 'date,value', found '"
                    + String.join(",", record.toList())
                    + "'");
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isEmpty()) {
          rows.add(new RawPriceRow(line, null, null));
        } else if (record.size() != 2) {
          rows.add(new RawPriceRow(line, record.get(0), null));
        } else {
          rows.add(new RawPriceRow(line, record.get(0), record.get(1)));
        }
      }
      if (header) {
        throw new PriceImportException(source + ": the file is empty, expected 'date,value'");
      }
    } catch (final IOException | java.io.UncheckedIOException e) {
      throw new PriceImportException(source + ": cannot read the file: " + e.getMessage(), e);
    }
    return importRows(id, SeriesFrequency.DAILY, provenance, rows, source, rules);
  }

  /** Validates {@code rows} and adds the accepted new ones to the series, creating it if needed. */
  synchronized ImportReport importRows(
      final SeriesId id,
      final SeriesFrequency frequency,
      final SeriesProvenance provenance,
      final List<RawPriceRow> rows,
      final String source,
      final ImportRules rules) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(rules, "rules");
    final PriceSeries existing = series.get(id);
    if (existing != null && existing.frequency() != frequency) {
      throw new PriceImportException(
          id + " is a " + existing.frequency() + " series; cannot import " + frequency + " rows");
    }
    if (existing != null && !existing.provenance().equals(provenance)) {
      throw new PriceImportException(
          id
              + " comes from '"
              + existing.provenance().publisher()
              + "' ("
              + existing.provenance().description()
              + "); rows with another provenance belong in another series");
    }
    final SeriesImport.Outcome outcome =
        SeriesImport.validate(id, frequency, existing, rows, source, rules);
    final PriceSeries base =
        existing != null ? existing : PriceSeries.of(id, frequency, provenance, List.of());
    series.put(id, base.withFixings(outcome.toAdd()));
    return outcome.report();
  }
}
