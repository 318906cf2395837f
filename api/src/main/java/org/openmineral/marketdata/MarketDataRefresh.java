package org.openmineral.marketdata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled refresh from {@code openmineral.market-data.refresh-url}, at {@code
 * openmineral.market-data.refresh-cron}; off unless both are set. Each run is an import like any
 * other (source kind {@code SCHEDULED}); an unchanged feed gives a {@code NO_CHANGE} record, so
 * several instances refreshing the same feed add each price once.
 */
@Configuration
@EnableScheduling
@ConditionalOnExpression(
    "'${openmineral.market-data.refresh-url:}' != '' and '${openmineral.market-data.refresh-cron:-}' != '-'")
class MarketDataRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(MarketDataRefresh.class);
  private final MarketDataImports imports;
  private final MarketDataProperties properties;

  MarketDataRefresh(final MarketDataImports imports, final MarketDataProperties properties) {
    this.imports = imports;
    this.properties = properties;
  }

  @Scheduled(cron = "${openmineral.market-data.refresh-cron}")
  void refresh() {
    try {
      final ImportRecord record =
          imports.importUrl(
              properties.refreshUrl(), "scheduled-refresh", MarketDataImports.SourceKind.SCHEDULED);
      LOG.info("market data refresh from {}: {}", record.source(), record.message());
    } catch (final RuntimeException e) {
      LOG.warn("market data refresh from {} failed: {}", properties.refreshUrl(), e.getMessage());
    }
  }
}
