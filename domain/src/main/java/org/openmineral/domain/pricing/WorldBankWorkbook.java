package org.openmineral.domain.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Imports the World Bank's {@code CMO-Historical-Data-Monthly.xlsx} workbook as it is published:
 * sheet {@value #SHEET}, series codes in the row whose cells hold {@code COPPER}, {@code ALUMINUM}
 * and so on, then one row per month with the month as {@code 1960M01} in column A.
 *
 * <p>The same metal columns as the CSV extract are imported, into the same series ({@link
 * WorldBankPinkSheet}); the other 60-odd commodity columns are listed as skipped. The workbook
 * stores binary floating-point numbers (copper 1960M01 is {@code 715.39999999999998}); each value
 * is rounded to 4 decimal places, half up, exactly as the extract was made, so importing the
 * workbook and the extract gives the same prices and the second import changes nothing. A month
 * marked {@code …} (no data) is rejected as a missing value. Row numbers in the report are sheet
 * rows.
 *
 * <p>Read with fastexcel-reader (Apache-2.0), which streams the sheet.
 */
public final class WorldBankWorkbook {
  /** The sheet with the monthly prices. */
  public static final String SHEET = "Monthly Prices";

  private static final Pattern MONTH = Pattern.compile("(\\d{4})M(\\d{2})");
  private static final String NO_DATA = "…";

  private WorldBankWorkbook() {}

  /**
   * Imports every metal column of the workbook into {@code store}.
   *
   * @throws PriceImportException if the file is not an xlsx workbook, has no {@value #SHEET} sheet,
   *     or no row of series codes
   */
  public static PinkSheetImport importInto(
      final PriceSeriesStore store,
      final InputStream xlsx,
      final String source,
      final String attribution,
      final ImportRules rules) {
    final List<String> header;
    final List<WorldBankPinkSheet.TableRow> rows = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx)) {
      final Sheet sheet =
          workbook
              .findSheet(SHEET)
              .orElseThrow(
                  () ->
                      new PriceImportException(
                          source + ": the workbook has no sheet '" + SHEET + "'"));
      List<String> codes = null;
      try (Stream<Row> stream = sheet.openStream()) {
        for (final Row row : (Iterable<Row>) stream::iterator) {
          final List<String> cells = cells(row);
          if (codes == null) {
            if (cells.stream().anyMatch(c -> c.equals("COPPER"))) {
              codes = cells;
            }
            continue;
          }
          if (cells.stream().allMatch(String::isEmpty)) {
            continue;
          }
          rows.add(new WorldBankPinkSheet.TableRow(row.getRowNum(), data(cells)));
        }
      }
      if (codes == null) {
        throw new PriceImportException(
            source + ": sheet '" + SHEET + "' has no row of series codes (COPPER, ALUMINUM, ...)");
      }
      header = codes;
    } catch (final IOException | RuntimeException e) {
      if (e instanceof PriceImportException p) {
        throw p;
      }
      throw new PriceImportException(
          source + ": cannot read the file as an xlsx workbook: " + e.getMessage(), e);
    }
    return WorldBankPinkSheet.importTable(store, header, rows, source, attribution, rules);
  }

  private static List<String> cells(final Row row) {
    final List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      final Cell cell = row.getCell(i);
      if (cell == null || cell.getType() == CellType.EMPTY) {
        cells.add("");
      } else if (cell.getType() == CellType.NUMBER) {
        cells.add(cell.getRawValue().trim());
      } else {
        cells.add(cell.getText() == null ? "" : cell.getText().trim());
      }
    }
    return cells;
  }

  /** Month {@code 1960M01} as {@code 1960-01}; numbers to 4 places; {@code …} as no value. */
  private static List<String> data(final List<String> cells) {
    final List<String> out = new ArrayList<>(cells.size());
    final Matcher month = MONTH.matcher(cells.get(0).toUpperCase(Locale.ROOT));
    out.add(month.matches() ? month.group(1) + "-" + month.group(2) : cells.get(0));
    for (int i = 1; i < cells.size(); i++) {
      final String raw = cells.get(i);
      if (raw.equals(NO_DATA)) {
        out.add("");
        continue;
      }
      try {
        out.add(new BigDecimal(raw).setScale(4, RoundingMode.HALF_UP).toPlainString());
      } catch (final NumberFormatException e) {
        out.add(raw);
      }
    }
    return out;
  }
}
