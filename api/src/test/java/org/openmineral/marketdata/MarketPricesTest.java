package org.openmineral.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.springframework.beans.factory.annotation.Autowired;

/** The price cache in the embedded application: reads are cached, an import invalidates. */
class MarketPricesTest extends ApplicationTest {
  static final PriceSeriesId ID = PriceSeriesId.of(Element.CU, "CACHE_TEST", PriceUnit.USD_PER_T);
  static final SeriesProvenance SOURCE = SeriesProvenance.internal("cache test");

  @Autowired MarketPrices prices;

  @Test
  void readsAreCachedUntilAnImportOfTheSeries() {
    load(prices, "date,value\n2025-11-03,9800\n");
    final long before = prices.storeReads();
    assertThat(prices.find(ID).orElseThrow().size()).isEqualTo(1);
    assertThat(prices.find(ID).orElseThrow().size()).isEqualTo(1);
    assertThat(prices.storeReads()).isEqualTo(before + 1);

    load(prices, "date,value\n2025-11-03,9800\n2025-11-04,9850\n");

    assertThat(prices.find(ID).orElseThrow().size()).isEqualTo(2);
    assertThat(prices.storeReads()).isEqualTo(before + 2);
  }

  static void load(final MarketPrices prices, final String csv) {
    prices.importDailyCsv(ID, SOURCE, new StringReader(csv), "test.csv", ImportRules.defaults());
  }
}
