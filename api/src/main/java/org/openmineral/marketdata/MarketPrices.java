package org.openmineral.marketdata;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openmineral.domain.pricing.ImportReport;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.SeriesFileImport;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.domain.pricing.SeriesKind;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.pricing.SeriesTable;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The market data series of this application (metal prices, FX rates and TC/RC benchmarks, one
 * store for every {@link SeriesKind}): reads go through a cache of series snapshots, an import
 * invalidates the imported series here and, through the {@link DomainEvents} event {@code
 * prices.imported} (whatever the kind), on every application instance (with Redis) or in this JVM
 * (without).
 *
 * <p>The store ({@link PriceSeriesStore}) holds the series in memory per instance; PostgreSQL
 * ({@code market_price}) holds them durably. On start every stored series is loaded; on {@code
 * prices.imported} an instance drops its snapshot and loads the series' new rows from the database,
 * so an import on one instance reaches the others. A read that races an import cannot leave the old
 * snapshot cached: the store is updated before the entry is removed, and a removal waits for a load
 * of the same series in progress.
 */
@Service
public class MarketPrices {
  static final String IMPORTED = "prices.imported";
  private static final Logger LOG = LoggerFactory.getLogger(MarketPrices.class);

  private final PriceSeriesStore store = new PriceSeriesStore();
  private final ConcurrentMap<String, PriceSeries> cache = new ConcurrentHashMap<>();
  private final AtomicLong storeReads = new AtomicLong();
  private final DomainEvents events;
  private final MarketPriceRepository repository;
  private final AutoCloseable subscription;
  private final Clock clock = Clock.systemUTC();

  MarketPrices(final DomainEvents events, final MarketPriceRepository repository) {
    this.events = events;
    this.repository = repository;
    this.subscription =
        events.subscribe(
            event -> {
              if (IMPORTED.equals(event.type())) {
                reloadFromDatabase(event.id());
                cache.remove(event.id());
              }
            });
  }

  @PostConstruct
  void loadFromDatabase() {
    final Map<SeriesId, MarketPriceRepository.StoredSeries> stored = repository.byId();
    for (final MarketPriceRepository.StoredSeries series : stored.values()) {
      load(series);
    }
    if (!stored.isEmpty()) {
      LOG.info("market prices: {} series loaded from the database", stored.size());
    }
  }

  /** The series with this id, from the cache when it holds it. */
  public Optional<PriceSeries> find(final SeriesId id) {
    return Optional.ofNullable(
        cache.computeIfAbsent(
            id.toString(),
            key -> {
              storeReads.incrementAndGet();
              return store.find(id).orElse(null);
            }));
  }

  /** The ids of every series held. */
  public Set<SeriesId> ids() {
    return store.ids();
  }

  /** The ids of the metal price series (not the FX rates or charge benchmarks). */
  public Set<PriceSeriesId> priceIds() {
    final Set<PriceSeriesId> ids = new java.util.LinkedHashSet<>();
    store.ids(SeriesKind.PRICE).forEach(id -> ids.add((PriceSeriesId) id));
    return ids;
  }

  /** The ids of the series of one kind. */
  public Set<SeriesId> ids(final SeriesKind kind) {
    return store.ids(kind);
  }

  /**
   * Imports a daily {@code date,value} CSV (see {@link PriceSeriesStore#importDailyCsv}) into this
   * instance's store only: nothing is written to the database (for tools and tests; the API's
   * imports go through {@link #importAndPersist}).
   */
  public ImportReport importDailyCsv(
      final SeriesId id,
      final SeriesProvenance provenance,
      final Reader csv,
      final String source,
      final ImportRules rules) {
    final ImportReport report = store.importDailyCsv(id, provenance, csv, source, rules);
    cache.remove(id.toString());
    events.publish(new DomainEvent(IMPORTED, id.toString(), clock.instant()));
    return report;
  }

  /**
   * Runs {@code importer} on the store, hands every series that gained prices, with the prices it
   * gained, to {@code persist} (one database transaction), then invalidates the imported series
   * here and on every instance. Imports are serialised.
   */
  synchronized SeriesFileImport importAndPersist(
      final Function<PriceSeriesStore, SeriesFileImport> importer,
      final Consumer<Map<PriceSeries, List<PriceFixing>>> persist) {
    final Map<SeriesId, PriceSeries> before = new HashMap<>();
    store.ids().forEach(id -> before.put(id, store.series(id)));
    final SeriesFileImport result = importer.apply(store);
    final Map<PriceSeries, List<PriceFixing>> added = new LinkedHashMap<>();
    for (final ImportReport report : result.series()) {
      if (report.added() == 0) {
        continue;
      }
      final PriceSeries now = store.series(report.series());
      final PriceSeries old = before.get(report.series());
      added.put(
          now,
          now.fixings().stream()
              .filter(f -> old == null || old.valueOn(f.date()).isEmpty())
              .toList());
    }
    persist.accept(added);
    for (final ImportReport report : result.series()) {
      cache.remove(report.series().toString());
      events.publish(new DomainEvent(IMPORTED, report.series().toString(), clock.instant()));
    }
    return result;
  }

  /** The prices of a series within {@code from..to}, both included. */
  public List<PriceFixing> prices(
      final PriceSeries series, final LocalDate from, final LocalDate to) {
    return series.fixingsBetween(from, to);
  }

  /** How many reads went past the cache to the store (for monitoring and tests). */
  public long storeReads() {
    return storeReads.get();
  }

  private void reloadFromDatabase(final String code) {
    try {
      final MarketPriceRepository.StoredSeries series = repository.byId().get(SeriesId.parse(code));
      if (series != null) {
        load(series);
      }
    } catch (final RuntimeException e) {
      LOG.warn("market prices: cannot reload {} from the database: {}", code, e.getMessage());
    }
  }

  private void load(final MarketPriceRepository.StoredSeries series) {
    SeriesTable.importRows(
        store,
        repository.rows(series),
        "database",
        id -> series.provenance(),
        ImportRules.defaults());
  }

  @PreDestroy
  void close() throws Exception {
    subscription.close();
  }
}
