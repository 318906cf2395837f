package org.openmineral.domain.screening;

import java.nio.file.Files;
import java.nio.file.Path;

/** The OFAC snapshots under {@code reference-data/sanctions/}, loaded and indexed once per JVM. */
final class ReferenceWatchList {
  private static WatchList list;
  private static SanctionsScreener screener;

  private ReferenceWatchList() {}

  static Path folder() {
    for (final String candidate :
        new String[] {"../reference-data/sanctions", "reference-data/sanctions"}) {
      final Path path = Path.of(candidate);
      if (Files.isDirectory(path)) {
        return path;
      }
    }
    throw new IllegalStateException(
        "reference-data/sanctions not found from " + Path.of("").toAbsolutePath());
  }

  static synchronized WatchList list() {
    if (list == null) {
      list = OfacWatchListLoader.load(folder());
    }
    return list;
  }

  static synchronized SanctionsScreener screener() {
    if (screener == null) {
      screener = SanctionsScreener.of(list());
    }
    return screener;
  }
}
