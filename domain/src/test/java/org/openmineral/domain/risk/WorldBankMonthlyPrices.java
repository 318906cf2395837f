package org.openmineral.domain.risk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.units.Element;

/**
 * The World Bank monthly metal prices of {@code
 * reference-data/prices/worldbank-pink-sheet/metals_monthly_nominal_usd.csv} (1960-01..2025-11,
 * base metals USD/mt, precious USD/troy oz), imported with the product's own importer. Source:
 * World Bank Commodity Price Data (The Pink Sheet), December 2025. CC BY 4.0.
 */
final class WorldBankMonthlyPrices {
  private static final PriceSeriesStore STORE = importExtract();

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

  /** The imported series of {@code metal}. */
  static HistoricalPrices series(final Element metal) {
    return HistoricalPrices.from(STORE.series(WorldBankPinkSheet.seriesId(metal)));
  }

  static PriceHistory copperAluminiumGold() {
    return PriceHistory.of(List.of(series(Element.CU), series(Element.AL), series(Element.AU)));
  }

  private static PriceSeriesStore importExtract() {
    final PriceSeriesStore store = new PriceSeriesStore();
    try (Reader csv = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
      WorldBankPinkSheet.importInto(
          store,
          csv,
          "metals_monthly_nominal_usd.csv",
          WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
          ImportRules.defaults());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }
}
