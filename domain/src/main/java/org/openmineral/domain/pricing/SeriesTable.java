package org.openmineral.domain.pricing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports values of any number of series given one per row, the project's own exchange format:
 *
 * <pre>
 * series,date,value
 * Cu/LME_CASH/USD_PER_T,2025-11-03,10812.5
 * Cu/WORLD_BANK_PINK_SHEET/USD_PER_T,2025-11,10812.03
 * FX:EUR/USD/ECB,2025-11-03,1.1534
 * TC:Cu/BENCHMARK/USD_PER_DMT,2025,21.25
 * RC:Cu/BENCHMARK/USD_PER_LB,2025,0.02125
 * </pre>
 *
 * {@code series} is a {@link SeriesId} code ({@code metal/market/unit} for a metal price, {@code
 * FX:base/quote/source}, {@code TC:metal/market/USD_PER_DMT}, {@code RC:metal/market/unit}; dots
 * accepted instead of slashes); {@code date} is {@code YYYY-MM-DD} for a daily series, {@code
 * YYYY-MM} for a monthly one or {@code YYYY} for an annual one (a new series takes the frequency of
 * its first row's date, a known one keeps its own); {@code value} a plain decimal in the series'
 * unit. Rows are grouped by series and each group is validated like any import ({@link
 * ImportReport}); a row whose series code cannot be read is rejected with its line and reason. A
 * JSON feed maps onto the same rows ({@link #importRows}).
 */
public final class SeriesTable {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private SeriesTable() {}

  /** One row: its line in the file (header = 1) and the three texts as read. */
  public record Row(int line, String series, String date, String value) {}

  /**
   * Reads the CSV and imports it.
   *
   * @throws PriceImportException if the file cannot be read or its header is not {@code
   *     series,date,value}
   */
  public static SeriesFileImport importCsv(
      final PriceSeriesStore store,
      final Reader csv,
      final String source,
      final Function<SeriesId, SeriesProvenance> provenance,
      final ImportRules rules) {
    final List<Row> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get().parse(csv)) {
      boolean header = true;
      int line = 0;
      for (final CSVRecord record : parser) {
        line++;
        if (header) {
          header = false;
          final List<String> names =
              record.toList().stream()
                  .map(n -> n.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                  .toList();
          if (!names.equals(List.of("series", "date", "value"))) {
            throw new PriceImportException(
                source
                    + ": expected the header 'series,date,value', found '"
                    + String.join(",", record.toList())
                    + "'");
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isEmpty()) {
          rows.add(new Row(line, "", null, null));
        } else if (record.size() != 3) {
          rows.add(new Row(line, record.get(0), record.size() > 1 ? record.get(1) : "", null));
        } else {
          rows.add(new Row(line, record.get(0), record.get(1), record.get(2)));
        }
      }
      if (header) {
        throw new PriceImportException(
            source + ": the file is empty, expected 'series,date,value'");
      }
    } catch (final IOException | java.io.UncheckedIOException e) {
      throw new PriceImportException(source + ": cannot read the file: " + e.getMessage(), e);
    }
    return importRows(store, rows, source, provenance, rules);
  }

  /** Groups {@code rows} by series and imports each group. */
  public static SeriesFileImport importRows(
      final PriceSeriesStore store,
      final List<Row> rows,
      final String source,
      final Function<SeriesId, SeriesProvenance> provenance,
      final ImportRules rules) {
    final Map<SeriesId, List<RawPriceRow>> bySeries = new LinkedHashMap<>();
    final List<ImportIssue> unassigned = new ArrayList<>();
    for (final Row row : rows) {
      if (row.date() == null && row.value() == null && row.series().isBlank()) {
        unassigned.add(
            new ImportIssue(
                row.line(), "", "", ImportIssue.Kind.MALFORMED_ROW, "blank line; expected a row"));
        continue;
      }
      final SeriesId id;
      try {
        id = SeriesId.parse(row.series());
      } catch (final IllegalArgumentException e) {
        unassigned.add(
            new ImportIssue(
                row.line(),
                nullToEmpty(row.date()),
                nullToEmpty(row.value()),
                ImportIssue.Kind.UNKNOWN_SERIES,
                e.getMessage()));
        continue;
      }
      bySeries
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(new RawPriceRow(row.line(), row.date(), row.value()));
    }
    final List<ImportReport> reports = new ArrayList<>();
    for (final Map.Entry<SeriesId, List<RawPriceRow>> e : bySeries.entrySet()) {
      final SeriesId id = e.getKey();
      final SeriesFrequency frequency =
          store.find(id).map(PriceSeries::frequency).orElseGet(() -> frequencyOf(e.getValue()));
      final SeriesProvenance given =
          store.find(id).map(PriceSeries::provenance).orElseGet(() -> provenance.apply(id));
      reports.add(store.importRows(id, frequency, given, e.getValue(), source + "#" + id, rules));
    }
    return new SeriesFileImport(reports, unassigned, Map.of());
  }

  private static SeriesFrequency frequencyOf(final List<RawPriceRow> rows) {
    for (final RawPriceRow row : rows) {
      if (row.rawDate() != null && !row.rawDate().isBlank()) {
        final String date = row.rawDate().trim();
        if (YEAR.matcher(date).matches()) {
          return SeriesFrequency.ANNUAL;
        }
        return MONTH.matcher(date).matches() ? SeriesFrequency.MONTHLY : SeriesFrequency.DAILY;
      }
    }
    return SeriesFrequency.DAILY;
  }

  private static String nullToEmpty(final String s) {
    return s == null ? "" : s;
  }
}
