package org.openmineral.domain.pricing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The World Bank files in {@code reference-data/prices/worldbank-pink-sheet/}, found from the
 * working directory of any module. Source: World Bank Commodity Price Data (The Pink Sheet),
 * December 2025. CC BY 4.0.
 */
public final class ReferencePriceFiles {
  private ReferencePriceFiles() {}

  /** {@code metals_monthly_nominal_usd.csv}, the metals extract. */
  public static Path extract() {
    return find("metals_monthly_nominal_usd.csv");
  }

  /** {@code CMO-Historical-Data-Monthly.xlsx}, the workbook as published. */
  public static Path workbook() {
    return find("CMO-Historical-Data-Monthly.xlsx");
  }

  private static Path find(final String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      final Path candidate = dir.resolve("reference-data/prices/worldbank-pink-sheet/" + name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "reference-data/prices/worldbank-pink-sheet/"
            + name
            + " not found above "
            + Path.of("").toAbsolutePath());
  }
}
