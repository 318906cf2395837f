package org.openmineral.domain.risk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * Test-side reader of {@code
 * reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv}: monthly average
 * prices 1960-01..2025-11, base metals USD/mt, precious USD/troy oz. Source: World Bank Commodity
 * Price Data (The Pink Sheet), December 2025. CC BY 4.0.
 */
final class WorldBankMonthlyPrices {
  private WorldBankMonthlyPrices() {}

  static Path file() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null) {
      final Path candidate =
          dir.resolve("reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "reference-data/prices not found above " + System.getProperty("user.dir"));
  }

  /** The series of {@code metal} from column {@code column}, dated the first of each month. */
  static HistoricalPrices series(final Element metal, final String column, final PriceUnit unit) {
    final List<DatedPrice> prices = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
      for (final CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        prices.add(
            new DatedPrice(
                YearMonth.parse(row.get("month")).atDay(1), new BigDecimal(row.get(column))));
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HistoricalPrices(metal, unit, prices);
  }

  static PriceHistory copperAluminiumGold() {
    return PriceHistory.of(
        List.of(
            series(Element.CU, "COPPER", PriceUnit.USD_PER_T),
            series(Element.AL, "ALUMINUM", PriceUnit.USD_PER_T),
            series(Element.AU, "GOLD", PriceUnit.USD_PER_OZT)));
  }
}
