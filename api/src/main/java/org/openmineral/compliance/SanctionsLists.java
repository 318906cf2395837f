package org.openmineral.compliance;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openmineral.domain.screening.OfacWatchListLoader;
import org.openmineral.domain.screening.SanctionsScreener;
import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;
import org.openmineral.domain.screening.WatchList;
import org.openmineral.platform.web.ServiceUnavailable;
import org.openmineral.workers.kyc.SanctionsScreening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The loaded sanctions lists and their screener. Loaded once at start-up; if the lists are missing
 * the application still starts, and screening answers 503 and reports DOWN in {@code
 * /actuator/health} (component {@code sanctionsLists}) with the reason. The same lists serve the
 * process workers ({@link SanctionsScreening}), for which unavailable lists fail the job.
 */
@Component
public class SanctionsLists implements HealthIndicator, SanctionsScreening {
  private static final Logger LOG = LoggerFactory.getLogger(SanctionsLists.class);

  private final SanctionsScreener screener;
  private final WatchList list;
  private final String problem;
  private final Path directory;

  public SanctionsLists(final ScreeningProperties properties) {
    directory = locate(properties.sanctionsDirectory());
    WatchList loaded = null;
    SanctionsScreener indexed = null;
    String failure = null;
    if (!Files.isDirectory(directory)) {
      failure =
          "no sanctions lists at " + directory + " (openmineral.screening.sanctions-directory)";
    } else {
      try {
        final long start = System.nanoTime();
        loaded = OfacWatchListLoader.load(directory);
        indexed = SanctionsScreener.of(loaded);
        LOG.info(
            "Sanctions lists loaded from {}: {} entries, {} names indexed in {} ms.",
            directory,
            loaded.entries().size(),
            indexed.indexedNames(),
            (System.nanoTime() - start) / 1_000_000);
      } catch (final RuntimeException e) {
        failure = "the sanctions lists at " + directory + " cannot be read: " + e.getMessage();
        loaded = null;
        indexed = null;
      }
    }
    if (failure != null) {
      LOG.warn("Sanctions screening is unavailable: {}", failure);
    }
    list = loaded;
    screener = indexed;
    problem = failure;
  }

  @Override
  public ScreeningResult screen(final ScreeningRequest request) {
    if (screener == null) {
      throw new ServiceUnavailable("Sanctions screening is unavailable: " + problem);
    }
    return screener.screen(request);
  }

  @Override
  public Health health() {
    if (screener == null) {
      return Health.down().withDetail("reason", problem).build();
    }
    return Health.up()
        .withDetail("directory", directory.toString())
        .withDetail("entries", list.entries().size())
        .withDetail("names", screener.indexedNames())
        .build();
  }

  /** A relative directory is looked for in the working directory and then its parents. */
  private static Path locate(final Path configured) {
    if (configured.isAbsolute()) {
      return configured;
    }
    Path base = Path.of("").toAbsolutePath();
    while (base != null) {
      final Path candidate = base.resolve(configured);
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
      base = base.getParent();
    }
    return configured.toAbsolutePath();
  }
}
