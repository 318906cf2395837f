package org.openmineral.domain.pricing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Imports the World Bank Commodity Price Data ("Pink Sheet") monthly metals extract, {@code
 * reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv}: header {@code
 * month,ALUMINUM,COPPER,LEAD,TIN,NICKEL,ZINC,IRON_ORE,GOLD,SILVER,PLATINUM}, months as {@code
 * YYYY-MM}, every value a monthly average in nominal US dollars.
 *
 * <p>Each metal column becomes one {@link SeriesFrequency#MONTHLY} series with market {@value
 * #MARKET}: base metals in USD per metric tonne, precious metals in USD per troy ounce (units and
 * definitions from the workbook, see {@code reference-data/README.md} section 2b). {@code IRON_ORE}
 * is quoted in USD per dry metric ton unit of ore, which is not a price of contained metal, and is
 * not imported; the report says so.
 *
 * <p>Licence: CC BY 4.0. Every series carries the attribution {@link #ATTRIBUTION_DECEMBER_2025} in
 * its {@link SeriesProvenance}.
 */
public final class WorldBankPinkSheet {
  /** The market code of the imported series. */
  public static final String MARKET = "WORLD_BANK_PINK_SHEET";

  /** The attribution CC BY 4.0 requires for the December 2025 edition held in reference-data. */
  public static final String ATTRIBUTION_DECEMBER_2025 =
      "Source: World Bank Commodity Price Data (The Pink Sheet), December 2025.";

  /** The licence of the data. */
  public static final String LICENCE = "CC BY 4.0";

  private record Column(Element metal, PriceUnit unit, String definition) {}

  private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "ALUMINUM",
        new Column(
            Element.AL,
            PriceUnit.USD_PER_T,
            "LME, high grade min 99.7%, settlement price (cash before 2005)"));
    COLUMNS.put(
        "COPPER",
        new Column(Element.CU, PriceUnit.USD_PER_T, "LME grade A cathodes, settlement price"));
    COLUMNS.put(
        "LEAD",
        new Column(Element.PB, PriceUnit.USD_PER_T, "LME refined 99.97%, settlement price"));
    COLUMNS.put(
        "TIN", new Column(Element.SN, PriceUnit.USD_PER_T, "LME refined 99.85%, settlement price"));
    COLUMNS.put(
        "NICKEL",
        new Column(
            Element.NI,
            PriceUnit.USD_PER_T,
            "LME cathodes min 99.8%, settlement price (cash before 2005)"));
    COLUMNS.put(
        "ZINC",
        new Column(Element.ZN, PriceUnit.USD_PER_T, "LME high grade min 99.95%, settlement price"));
    COLUMNS.put(
        "GOLD",
        new Column(
            Element.AU,
            PriceUnit.USD_PER_OZT,
            "spot average of daily rates since June 2025; London PM fix before that"));
    COLUMNS.put("SILVER", new Column(Element.AG, PriceUnit.USD_PER_OZT, "London fixing, 99.9%"));
    COLUMNS.put("PLATINUM", new Column(Element.PT, PriceUnit.USD_PER_OZT, "platinum"));
  }

  private static final Map<String, String> NOT_IMPORTED =
      Map.of(
          "IRON_ORE",
          "quoted in USD per dry metric ton unit of ore (62% Fe fines CFR China), not a price of"
              + " contained metal");

  private WorldBankPinkSheet() {}

  /** The id of the imported series for {@code metal}, e.g. copper in USD/t. */
  public static PriceSeriesId seriesId(final Element metal) {
    return COLUMNS.values().stream()
        .filter(c -> c.metal() == metal)
        .findFirst()
        .map(c -> new PriceSeriesId(metal, MARKET, c.unit()))
        .orElseThrow(
            () ->
                new UnknownPriceSeriesException(
                    "the Pink Sheet extract has no series for " + metal));
  }

  /** The provenance recorded on the series of {@code column}. */
  public static SeriesProvenance provenance(final String column, final String attribution) {
    final Column c = COLUMNS.get(column.toUpperCase(Locale.ROOT));
    if (c == null) {
      throw new UnknownPriceSeriesException("no Pink Sheet metal column " + column);
    }
    return new SeriesProvenance(
        "The World Bank, Prospects Group (Commodity Markets Outlook, Pink Sheet)",
        column.toUpperCase(Locale.ROOT)
            + " monthly average, nominal US dollars, "
            + (c.unit() == PriceUnit.USD_PER_T ? "USD/mt" : "USD/troy oz")
            + ": "
            + c.definition(),
        LICENCE,
        attribution);
  }

  /**
   * Imports every metal column of the extract into {@code store}, one series per metal.
   *
   * @param attribution the edition's attribution, e.g. {@link #ATTRIBUTION_DECEMBER_2025}
   * @param source the file name, for the reports
   * @throws PriceImportException if the file cannot be read or has no {@code month} column first
   */
  public static PinkSheetImport importInto(
      final PriceSeriesStore store,
      final Reader csv,
      final String source,
      final String attribution,
      final ImportRules rules) {
    final List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get().parse(csv)) {
      records = parser.getRecords();
    } catch (final IOException | java.io.UncheckedIOException e) {
      throw new PriceImportException(source + ": cannot read the file: " + e.getMessage(), e);
    }
    if (records.isEmpty()
        || !records.get(0).get(0).toLowerCase(Locale.ROOT).replace("\uFEFF", "").equals("month")) {
      throw new PriceImportException(
          source + ": expected a header starting with 'month' (World Bank Pink Sheet extract)");
    }
    final List<TableRow> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      final CSVRecord record = records.get(r);
      rows.add(
          new TableRow(
              r + 1, record.size() == 1 && record.get(0).isEmpty() ? List.of() : record.toList()));
    }
    return importTable(store, records.get(0).toList(), rows, source, attribution, rules);
  }

  /** A data row of a table: its line (or sheet row) number and its cells, month first. */
  record TableRow(int line, List<String> cells) {}

  /**
   * Imports a table whose first column is the month ({@code YYYY-MM}) and whose other columns are
   * named by World Bank series codes; shared by the CSV extract and the workbook.
   */
  static PinkSheetImport importTable(
      final PriceSeriesStore store,
      final List<String> header,
      final List<TableRow> table,
      final String source,
      final String attribution,
      final ImportRules rules) {
    final List<ImportReport> reports = new ArrayList<>();
    final Map<String, String> skipped = new LinkedHashMap<>();
    for (int col = 1; col < header.size(); col++) {
      final String name = header.get(col).trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      final Column column = COLUMNS.get(name);
      if (column == null) {
        skipped.put(
            name, NOT_IMPORTED.getOrDefault(name, "not a metal series this importer knows"));
        continue;
      }
      final List<RawPriceRow> rows = new ArrayList<>();
      for (final TableRow row : table) {
        final List<String> cells = row.cells();
        if (cells.isEmpty()) {
          rows.add(new RawPriceRow(row.line(), null, null));
        } else {
          rows.add(
              new RawPriceRow(
                  row.line(), cells.get(0), col < cells.size() ? cells.get(col) : null));
        }
      }
      reports.add(
          store.importRows(
              new PriceSeriesId(column.metal(), MARKET, column.unit()),
              SeriesFrequency.MONTHLY,
              provenance(name, attribution),
              rows,
              source + "#" + name,
              rules));
    }
    return new PinkSheetImport(reports, skipped);
  }
}
