package org.openmineral.marketdata;

import java.math.BigDecimal;
import java.time.Duration;
import org.openmineral.domain.pricing.ImportRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.market-data.*}.
 *
 * @param outlierMovePercent a month-on-month (or day-on-day) move above this is flagged (default
 *     20)
 * @param fetchTimeout how long a fetch of a URL may take (default 60 s)
 * @param refreshUrl the feed the scheduled refresh imports (default none)
 * @param refreshCron when it runs, a Spring cron expression; {@code -} (the default) switches it
 *     off
 */
@ConfigurationProperties("openmineral.market-data")
public record MarketDataProperties(
    @DefaultValue("20") BigDecimal outlierMovePercent,
    @DefaultValue("60s") Duration fetchTimeout,
    String refreshUrl,
    @DefaultValue("-") String refreshCron) {

  ImportRules rules() {
    return new ImportRules(outlierMovePercent, ImportRules.OutlierHandling.FLAG);
  }
}
