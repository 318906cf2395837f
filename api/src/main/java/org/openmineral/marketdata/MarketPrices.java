package org.openmineral.marketdata;

import jakarta.annotation.PreDestroy;
import java.io.Reader;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openmineral.domain.pricing.ImportReport;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.stereotype.Service;

/**
 * The market price series of this application: reads go through a cache of series snapshots, an
 * import invalidates the imported series here and, through the {@link DomainEvents} event {@code
 * prices.imported}, on every application instance (with Redis) or in this JVM (without).
 *
 * <p>The cache is per instance because the store is: {@link PriceSeriesStore} holds its series in
 * memory. What instances share is the invalidation. A read that races an import cannot leave the
 * old snapshot cached: the store is updated before the entry is removed, and a removal waits for a
 * load of the same series in progress.
 */
@Service
public class MarketPrices {
  static final String IMPORTED = "prices.imported";

  private final PriceSeriesStore store = new PriceSeriesStore();
  private final ConcurrentMap<String, PriceSeries> cache = new ConcurrentHashMap<>();
  private final AtomicLong storeReads = new AtomicLong();
  private final DomainEvents events;
  private final AutoCloseable subscription;
  private final Clock clock = Clock.systemUTC();

  MarketPrices(final DomainEvents events) {
    this.events = events;
    this.subscription =
        events.subscribe(
            event -> {
              if (IMPORTED.equals(event.type())) {
                cache.remove(event.id());
              }
            });
  }

  /** The series with this id, from the cache when it holds it. */
  public Optional<PriceSeries> find(final PriceSeriesId id) {
    return Optional.ofNullable(
        cache.computeIfAbsent(
            id.toString(),
            key -> {
              storeReads.incrementAndGet();
              return store.find(id).orElse(null);
            }));
  }

  /** Imports a daily {@code date,value} CSV (see {@link PriceSeriesStore#importDailyCsv}). */
  public ImportReport importDailyCsv(
      final PriceSeriesId id,
      final SeriesProvenance provenance,
      final Reader csv,
      final String source,
      final ImportRules rules) {
    final ImportReport report = store.importDailyCsv(id, provenance, csv, source, rules);
    cache.remove(id.toString());
    events.publish(new DomainEvent(IMPORTED, id.toString(), clock.instant()));
    return report;
  }

  /** How many reads went past the cache to the store (for monitoring and tests). */
  public long storeReads() {
    return storeReads.get();
  }

  @PreDestroy
  void close() throws Exception {
    subscription.close();
  }
}
