package org.openmineral.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.openmineral.pricing.ValuationApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * FX rates and TC/RC benchmarks through the market data API on the real application and database:
 * imported, validated, stored, listed, read and invalidated like prices; the pre-deal analysis
 * falls back on the benchmarks.
 */
class MarketDataKindsApiTest extends MarketDataApiClient {
  private static final String PREDEAL_COPPER = "Cu/PREDEAL_KINDS/USD_PER_T";

  @Autowired MarketPrices prices;
  @Autowired JdbcTemplate jdbc;
  @Autowired DomainEvents events;

  @Test
  void fxAndBenchmarkRowsAreImportedWithDamagedRowsRecordedAndTheSameFileAgainChangesNothing()
      throws Exception {
    final String source = "KINDS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String csv =
        """
        series,date,value
        FX:EUR/USD/%1$s,2025-11-03,1.1520
        FX:EUR/USD/%1$s,2025-11-04,1.1490
        FX:EUR/USD/%1$s,2025-11-04,1.1490
        FX:EUR/USD/%1$s,2025-11-05,0
        FX:EUR/USD/%1$s,2025-11-06,-1.1
        FX:EUR/XXY/%1$s,2025-11-06,1.1
        TC:Cu/%1$s/USD_PER_DMT,2024,80
        TC:Cu/%1$s/USD_PER_DMT,2025,21.25
        TC:Cu/%1$s/USD_PER_LB,2025,21.25
        RC:Cu/%1$s/USD_PER_LB,2025,0.02125
        RC:Cu/%1$s/USD_PER_LB,2025-06,0.02
        """
            .formatted(source);

    final HttpResponse<String> response = upload("risk", "kinds.csv", bytes(csv));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    final JsonNode record = JSON.readTree(response.body());
    assertThat(record.get("format").asText()).isEqualTo("SERIES_CSV");
    assertThat(record.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(record.get("rowsRead").asInt()).isEqualTo(11);
    assertThat(record.get("rowsInserted").asInt()).isEqualTo(5);
    assertThat(record.get("rowsRejected").asInt()).isEqualTo(6);
    final JsonNode details =
        JSON.readTree(
                get("auditor", "/api/market-data/imports/" + record.get("id").asText()).body())
            .get("details");
    final List<String> rejected = new ArrayList<>();
    details.get("series").forEach(s -> rejected.addAll(kindsAndLines(s.get("rejected"))));
    assertThat(rejected)
        .containsExactlyInAnyOrder(
            "DUPLICATE_DATE@4",
            "NON_POSITIVE_RATE@5",
            "NON_POSITIVE_RATE@6",
            "UNPARSEABLE_DATE@12");
    assertThat(kindsAndLines(details.get("unassigned")))
        .containsExactly("UNKNOWN_SERIES@7", "UNKNOWN_SERIES@10");

    // stored with their kind, pair and unit
    assertThat(
            jdbc.queryForMap(
                "select kind, metal, base_currency, quote_currency, unit, frequency"
                    + " from market_price_series where code = ?",
                "FX:EUR/USD/" + source))
        .containsEntry("kind", "FX")
        .containsEntry("metal", null)
        .containsEntry("base_currency", "EUR")
        .containsEntry("quote_currency", "USD")
        .containsEntry("unit", "USD_PER_EUR")
        .containsEntry("frequency", "DAILY");
    assertThat(
            jdbc.queryForMap(
                "select kind, metal, unit, frequency from market_price_series where code = ?",
                "TC:Cu/" + source + "/USD_PER_DMT"))
        .containsEntry("kind", "TC")
        .containsEntry("metal", "Cu")
        .containsEntry("unit", "USD_PER_DMT")
        .containsEntry("frequency", "ANNUAL");

    final JsonNode again = JSON.readTree(upload("admin", "kinds.csv", bytes(csv)).body());
    assertThat(again.get("status").asText()).isEqualTo("NO_CHANGE");
    assertThat(again.get("rowsInserted").asInt()).isZero();
    assertThat(again.get("rowsUnchanged").asInt()).isEqualTo(5);
  }

  @Test
  void seriesAreListedByKindAndTheirValuesRead() throws Exception {
    final String source = "LIST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertThat(
            upload(
                    "admin",
                    "list.json",
                    bytes(
                        """
                        {"prices": [
                          {"series": "FX:EUR/USD/%1$s", "date": "2025-11-03", "value": 1.1520},
                          {"series": "FX:EUR/USD/%1$s", "date": "2025-11-04", "value": "1.1490"},
                          {"series": "TC:Cu/%1$s/USD_PER_DMT", "date": "2025", "value": 21.25},
                          {"series": "RC:Cu/%1$s/USD_PER_LB", "date": "2025", "value": 0.02125}
                        ]}
                        """
                            .formatted(source)))
                .statusCode())
        .isEqualTo(201);

    final JsonNode fx = JSON.readTree(get("trader", "/api/market-data/series?kind=fx").body());
    final JsonNode eurUsd = byId(fx, "FX:EUR/USD/" + source);
    assertThat(eurUsd.get("kind").asText()).isEqualTo("FX");
    assertThat(eurUsd.get("code").asText()).isEqualTo("FX:EUR.USD." + source);
    assertThat(eurUsd.get("metal").isNull()).isTrue();
    assertThat(eurUsd.get("baseCurrency").asText()).isEqualTo("EUR");
    assertThat(eurUsd.get("quoteCurrency").asText()).isEqualTo("USD");
    assertThat(eurUsd.get("unit").asText()).isEqualTo("USD_PER_EUR");
    assertThat(eurUsd.get("count").asInt()).isEqualTo(2);
    fx.forEach(s -> assertThat(s.get("kind").asText()).isEqualTo("FX"));

    final JsonNode tc = JSON.readTree(get("trader", "/api/market-data/series?kind=TC").body());
    final JsonNode copperTc = byId(tc, "TC:Cu/" + source + "/USD_PER_DMT");
    assertThat(copperTc.get("metal").asText()).isEqualTo("Cu");
    assertThat(copperTc.get("frequency").asText()).isEqualTo("ANNUAL");
    assertThat(copperTc.get("first").asText()).isEqualTo("2025-01-01");
    final JsonNode all = JSON.readTree(get("trader", "/api/market-data/series").body());
    assertThat(all.toString()).contains("RC:Cu/" + source + "/USD_PER_LB");

    final JsonNode points =
        JSON.readTree(
            get(
                    "trader",
                    "/api/market-data/series/FX:EUR.USD." + source + "/prices?from=2025-11-04")
                .body());
    assertThat(points.get("series").get("id").asText()).isEqualTo("FX:EUR/USD/" + source);
    assertThat(points.get("prices")).hasSize(1);
    assertThat(points.get("prices").get(0).get("value").decimalValue())
        .isEqualByComparingTo("1.1490");
    final JsonNode rc =
        JSON.readTree(
            get("trader", "/api/market-data/series/RC:Cu." + source + ".USD_PER_LB/prices").body());
    assertThat(rc.get("prices").get(0).get("date").asText()).isEqualTo("2025-01-01");

    final HttpResponse<String> badKind = get("trader", "/api/market-data/series?kind=SPOT");
    assertThat(badKind.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badKind.body()).get("field").asText()).isEqualTo("kind");
    final HttpResponse<String> badCode =
        get("trader", "/api/market-data/series/FX:EUR.EUR.ECB/prices");
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badCode.body()).get("field").asText()).isEqualTo("code");
    assertThat(get("trader", "/api/market-data/series/FX:EUR.USD.NOWHERE/prices").statusCode())
        .isEqualTo(404);
  }

  @Test
  void anImportOfAnFxSeriesInvalidatesItsCachedSnapshotHereAndOnOtherInstances() throws Exception {
    final String source = "CACHE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final SeriesId id = FxSeriesId.of("EUR", "USD", source);
    final JsonNode first =
        JSON.readTree(
            upload("admin", "fx1.csv", bytes("series,date,value\n" + id + ",2025-11-03,1.1520\n"))
                .body());
    final long before = prices.storeReads();
    assertThat(prices.find(id).orElseThrow().size()).isEqualTo(1);
    assertThat(prices.find(id).orElseThrow().size()).isEqualTo(1);
    assertThat(prices.storeReads()).isEqualTo(before + 1);

    // an import through the API drops the cached snapshot
    upload("admin", "fx2.csv", bytes("series,date,value\n" + id + ",2025-11-04,1.1490\n"));
    assertThat(prices.find(id).orElseThrow().size()).isEqualTo(2);

    // another instance's import: its rows in the database and its event
    jdbc.update(
        "insert into market_price (series_code, price_date, value, import_id) values (?,?,?,?)",
        id.toString(),
        Date.valueOf("2025-11-05"),
        new BigDecimal("1.1475"),
        UUID.fromString(first.get("id").asText()));
    events.publish(new DomainEvent(MarketPrices.IMPORTED, id.toString(), Instant.now()));
    final PriceFixing latest =
        prices.find(id).orElseThrow().latestOnOrBefore(LocalDate.parse("2025-11-30")).orElseThrow();
    assertThat(latest.date()).isEqualTo(LocalDate.parse("2025-11-05"));
    assertThat(latest.value()).isEqualByComparingTo("1.1475");
  }

  @Test
  void thePreDealAnalysisTakesTheBenchmarksWhenTheTermsGiveNoChargesAndSaysWhich()
      throws Exception {
    assertThat(upload("admin", "predeal-copper.csv", bytes(monthlyCopper())).statusCode())
        .isBetween(200, 201);
    assertThat(
            upload(
                    "admin",
                    "predeal-benchmarks.csv",
                    bytes(
                        """
                        series,date,value
                        TC:Cu/PREDEAL_BM/USD_PER_DMT,2024,80
                        TC:Cu/PREDEAL_BM/USD_PER_DMT,2025,21.25
                        RC:Cu/PREDEAL_BM/USD_PER_LB,2024,0.08
                        RC:Cu/PREDEAL_BM/USD_PER_LB,2025,0.02125
                        """))
                .statusCode())
        .isBetween(200, 201);
    final ObjectNode request = request();
    final ObjectNode valuation = (ObjectNode) request.get("valuation");
    valuation.remove("treatmentCharge");
    final ArrayNode rcs = (ArrayNode) valuation.get("refiningCharges");
    rcs.remove(0); // Cu's RC; Au's stays in the terms
    request.put("asOf", "2025-11-20").put("benchmarkMarket", "predeal_bm");

    final JsonNode fromBenchmarks = JSON.readTree(preDeal("trader", request.toString()).body());

    final JsonNode tc = fromBenchmarks.get("charges").get(0);
    assertThat(tc.get("charge").asText()).isEqualTo("TC");
    assertThat(tc.get("source").asText()).isEqualTo("BENCHMARK");
    assertThat(tc.get("series").asText()).isEqualTo("TC:Cu/PREDEAL_BM/USD_PER_DMT");
    assertThat(tc.get("date").asText()).isEqualTo("2025-01-01");
    assertThat(tc.get("value").decimalValue()).isEqualByComparingTo("21.25");
    final JsonNode rc = fromBenchmarks.get("charges").get(1);
    assertThat(rc.get("source").asText()).isEqualTo("BENCHMARK");
    assertThat(rc.get("series").asText()).isEqualTo("RC:Cu/PREDEAL_BM/USD_PER_LB");
    assertThat(rc.get("unit").asText()).isEqualTo("USD_PER_LB");

    // the same figures as terms giving those charges
    final ObjectNode byTerms = request();
    ((ObjectNode) byTerms.get("valuation"))
        .set("treatmentCharge", JSON.readTree("{\"usdPerDmt\": 21.25}"));
    ((ObjectNode) byTerms.get("valuation").get("refiningCharges").get(0)).put("amount", 0.02125);
    final JsonNode sameByTerms = JSON.readTree(preDeal("trader", byTerms.toString()).body());
    assertThat(sameByTerms.get("charges").get(0).get("source").asText()).isEqualTo("TERMS");
    assertThat(fromBenchmarks.get("sensitivities").get(2).get("nsrPerDmt").decimalValue())
        .isEqualByComparingTo(
            sameByTerms.get("sensitivities").get(2).get("nsrPerDmt").decimalValue());

    // an analysis dated 2024 takes the 2024 benchmarks; terms, when given, win
    request.put("asOf", "2024-12-31");
    assertThat(
            JSON.readTree(preDeal("trader", request.toString()).body())
                .get("charges")
                .get(0)
                .get("value")
                .decimalValue())
        .isEqualByComparingTo("80");
    final ObjectNode withTerms = request();
    withTerms.put("asOf", "2025-11-20").put("benchmarkMarket", "PREDEAL_BM");
    final JsonNode terms = JSON.readTree(preDeal("trader", withTerms.toString()).body());
    assertThat(terms.get("charges").get(0).get("source").asText()).isEqualTo("TERMS");
    assertThat(terms.get("charges").get(0).get("value").decimalValue()).isEqualByComparingTo("80");
    assertThat(terms.get("charges").get(1).get("source").asText()).isEqualTo("TERMS");

    request.put("asOf", "20th of November");
    assertField(preDeal("trader", request.toString()), "asOf");
    request.put("asOf", "2025-11-20").put("benchmarkMarket", "no such/market");
    assertField(preDeal("trader", request.toString()), "benchmarkMarket");
  }

  /**
   * 48 months of a made-up copper series of this test (2021-12 to 2025-11): the analysis needs 37
   * at least; the benchmarks, not the prices, are under test.
   */
  private static String monthlyCopper() {
    final StringBuilder csv = new StringBuilder("series,date,value\n");
    java.time.YearMonth month = java.time.YearMonth.of(2021, 12);
    for (int i = 0; i < 48; i++, month = month.plusMonths(1)) {
      final int swing = (i % 6) * 40 - 100;
      csv.append(PREDEAL_COPPER)
          .append(',')
          .append(month)
          .append(',')
          .append(8500 + 30 * i + swing)
          .append('\n');
    }
    return csv.toString();
  }

  private static ObjectNode request() throws Exception {
    final ObjectNode request = JSON.createObjectNode();
    request.put("metal", "Cu");
    request.put("series", PREDEAL_COPPER);
    request.put("qpFirst", "2026-02");
    request.put("qpLast", "2026-04");
    request.set("valuation", JSON.readTree(ValuationApiTest.EXAMPLE));
    return request;
  }

  private static JsonNode byId(final JsonNode list, final String id) {
    for (final JsonNode s : list) {
      if (id.equals(s.get("id").asText())) {
        return s;
      }
    }
    throw new AssertionError("no series " + id + " in " + list);
  }
}
