package org.openmineral.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmineral.pricing.ValuationApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The market data API on the real application and database: the real World Bank files, damaged
 * files, a feed over HTTP, roles, problems, and the pre-deal analysis.
 */
class MarketDataApiTest extends MarketDataApiClient {
  static final String COPPER = "Cu.WORLD_BANK_PINK_SHEET.USD_PER_T";
  private static JsonNode firstWorkbookImport;
  @Autowired MarketDataImports imports;

  @Test
  void theWorldBankWorkbookImportsEveryMetalAndTheExtractAfterItChangesNothing() throws Exception {
    // given the workbook imported once (by this test or another of this class)
    final JsonNode first = workbookImport();
    assertThat(first.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(first.get("format").asText()).isEqualTo("WORLD_BANK_WORKBOOK");
    assertThat(first.get("rowsInserted").asInt()).isEqualTo(9 * 791);
    assertThat(first.get("rowsRejected").asInt()).isZero();

    // when the CSV extract made from it is imported
    final HttpResponse<String> extract =
        upload("admin", "metals_monthly_nominal_usd.csv", Files.readAllBytes(extract()));

    // then nothing changes, and the record says so
    assertThat(extract.statusCode()).isEqualTo(201);
    final JsonNode record = JSON.readTree(extract.body());
    assertThat(record.get("format").asText()).isEqualTo("WORLD_BANK_CSV");
    assertThat(record.get("status").asText()).isEqualTo("NO_CHANGE");
    assertThat(record.get("rowsInserted").asInt()).isZero();
    assertThat(record.get("rowsUnchanged").asInt()).isEqualTo(9 * 791);
    assertThat(record.get("message").asText()).startsWith("no change");

    final JsonNode prices =
        JSON.readTree(
            get(
                    "trader",
                    "/api/market-data/series/" + COPPER + "/prices?from=2025-09-01&to=2025-11-30")
                .body());
    assertThat(prices.get("series").get("count").asInt()).isEqualTo(791);
    assertThat(prices.get("series").get("attribution").asText()).contains("World Bank");
    assertThat(prices.get("prices")).hasSize(3);
    assertThat(prices.get("prices").get(2).get("value").decimalValue())
        .isEqualByComparingTo("10812.03");
  }

  @Test
  void aDamagedFileIsImportedWithEveryRejectionAndFlagRecordedAndTheSameFileAgainChangesNothing()
      throws Exception {
    final String market = "DAMAGED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String csv =
        """
        series,date,value
        Cu/%1$s/USD_PER_T,2025-11-03,10000
        Cu/%1$s/USD_PER_T,2025-11-04,10050
        Cu/%1$s/USD_PER_T,2025-11-04,10050
        Cu/%1$s/USD_PER_T,2025-11-07,10100
        Cu/%1$s/USD_PER_T,2025-11-10,15000
        garbage;line;here
        Cu/%1$s/USD_PER_T,2025-11-11,-5
        """
            .formatted(market);

    final HttpResponse<String> response = upload("risk", "damaged.csv", bytes(csv));

    assertThat(response.statusCode()).isEqualTo(201);
    final JsonNode record = JSON.readTree(response.body());
    assertThat(record.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(record.get("rowsRead").asInt()).isEqualTo(7);
    assertThat(record.get("rowsInserted").asInt()).isEqualTo(4);
    assertThat(record.get("rowsRejected").asInt()).isEqualTo(3);
    assertThat(record.get("rowsFlagged").asInt()).isEqualTo(2); // the gap and the outlier
    final JsonNode details =
        JSON.readTree(
                get("auditor", "/api/market-data/imports/" + record.get("id").asText()).body())
            .get("details");
    final JsonNode series = details.get("series").get(0);
    assertThat(kindsAndLines(series.get("rejected")))
        .containsExactly("DUPLICATE_DATE@4", "NEGATIVE_PRICE@8");
    assertThat(kindsAndLines(series.get("flagged"))).containsExactly("GAP@5", "OUTLIER_MOVE@6");
    assertThat(kindsAndLines(details.get("unassigned"))).containsExactly("UNKNOWN_SERIES@7");

    final JsonNode again = JSON.readTree(upload("admin", "damaged.csv", bytes(csv)).body());
    assertThat(again.get("status").asText()).isEqualTo("NO_CHANGE");
    assertThat(again.get("rowsInserted").asInt()).isZero();
    assertThat(again.get("rowsUnchanged").asInt()).isEqualTo(4);
    assertThat(again.get("sameContentAs").asText()).isEqualTo(record.get("id").asText());
  }

  @Test
  void aFileWithAWrongHeaderIsAProblemAndARecordedFailure() throws Exception {
    final HttpResponse<String> response =
        upload("admin", "prices.csv", bytes("date;price\n2025-11-03;100\n"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    final JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("field").asText()).isEqualTo("file");
    assertThat(problem.get("detail").asText()).contains("not a known format");
    final JsonNode failed =
        JSON.readTree(
            get("risk", "/api/market-data/imports/" + problem.get("importId").asText()).body());
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("message").asText()).contains("'date;price'");

    final HttpResponse<String> fakeWorkbook =
        upload("admin", "fake.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertThat(fakeWorkbook.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(fakeWorkbook.body()).get("detail").asText())
        .contains("cannot read the file as an xlsx workbook");
  }

  @Test
  void aJsonFeedIsFetchedByUrlAndBadUrlsAreProblems() throws Exception {
    final String market = "FEED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    final byte[] body =
        bytes(
            """
            {"prices": [
              {"series": "Zn/%1$s/USD_PER_T", "date": "2025-10", "value": 3010.5},
              {"series": "Zn/%1$s/USD_PER_T", "date": "2025-11", "value": "3099.25"},
              {"series": "Zn/%1$s/USD_PER_T", "date": "2025-12", "value": "n/a"}
            ]}
            """
                .formatted(market));
    feed.createContext(
        "/prices.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    feed.start();
    try {
      final String base = "http://127.0.0.1:" + feed.getAddress().getPort();
      final HttpResponse<String> imported =
          postJson("risk", "{\"url\": \"" + base + "/prices.json\"}");
      assertThat(imported.statusCode()).isEqualTo(201);
      final JsonNode record = JSON.readTree(imported.body());
      assertThat(record.get("sourceKind").asText()).isEqualTo("URL");
      assertThat(record.get("format").asText()).isEqualTo("SERIES_JSON");
      assertThat(record.get("rowsInserted").asInt()).isEqualTo(2);
      assertThat(record.get("rowsRejected").asInt()).isEqualTo(1);

      final JsonNode prices =
          JSON.readTree(
              get("operations", "/api/market-data/series/Zn." + market + ".USD_PER_T/prices")
                  .body());
      assertThat(prices.get("series").get("frequency").asText()).isEqualTo("MONTHLY");
      assertThat(prices.get("prices").get(0).get("value").decimalValue())
          .isEqualByComparingTo(new BigDecimal("3010.5"));

      // the scheduled refresh imports the same feed: nothing new, recorded as SCHEDULED
      new MarketDataRefresh(
              imports,
              new MarketDataProperties(
                  new BigDecimal("20"), Duration.ofSeconds(10), base + "/prices.json", "@daily"))
          .refresh();
      final JsonNode scheduled =
          JSON.readTree(get("risk", "/api/market-data/imports?limit=1").body()).get(0);
      assertThat(scheduled.get("sourceKind").asText()).isEqualTo("SCHEDULED");
      assertThat(scheduled.get("status").asText()).isEqualTo("NO_CHANGE");
      assertThat(scheduled.get("sameContentAs").asText()).isEqualTo(record.get("id").asText());

      final HttpResponse<String> missing = postJson("risk", "{\"url\": \"" + base + "/nothing\"}");
      assertThat(missing.statusCode()).isEqualTo(502);
      final JsonNode unreachable = JSON.readTree(missing.body());
      assertThat(unreachable.get("field").asText()).isEqualTo("url");
      final JsonNode failed =
          JSON.readTree(
              get("risk", "/api/market-data/imports/" + unreachable.get("importId").asText())
                  .body());
      assertThat(failed.get("status").asText()).isEqualTo("FAILED");
      assertThat(failed.get("message").asText()).contains("answered HTTP 404");
    } finally {
      feed.stop(0);
    }
    final HttpResponse<String> ftp = postJson("admin", "{\"url\": \"ftp://example.org/x.csv\"}");
    assertThat(ftp.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(ftp.body()).get("field").asText()).isEqualTo("url");
  }

  @Test
  void onlyRiskAndAdminImportWhileEveryoneReads() throws Exception {
    assertThat(upload("trader", "x.csv", bytes("series,date,value\n")).statusCode()).isEqualTo(403);
    assertThat(get("trader", "/api/market-data/series").statusCode()).isEqualTo(200);
    assertThat(get("auditor", "/api/market-data/imports").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownSeriesAndImportsAre404AndBadCodesOrDates400() throws Exception {
    assertThat(get("trader", "/api/market-data/series/Cu.NOPE.USD_PER_T/prices").statusCode())
        .isEqualTo(404);
    assertThat(get("trader", "/api/market-data/imports/" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    final HttpResponse<String> badCode = get("trader", "/api/market-data/series/Cu.X.EUR/prices");
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badCode.body()).get("field").asText()).isEqualTo("code");
    workbookImport();
    final HttpResponse<String> badDate =
        get("trader", "/api/market-data/series/" + COPPER + "/prices?from=November");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badDate.body()).get("field").asText()).isEqualTo("from");
  }

  @Test
  void preDealAnalysisGivesTrendVolatilityQpBandAndNsrSensitivity() throws Exception {
    workbookImport();
    final ObjectNode request = JSON.createObjectNode();
    request.put("metal", "Cu");
    request.put("qpFirst", "2026-02");
    request.put("qpLast", "2026-04");
    request.set("valuation", JSON.readTree(ValuationApiTest.EXAMPLE));

    final HttpResponse<String> response = preDeal("trader", request.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("trend").get("lastMonth").asText()).isEqualTo("2025-11");
    assertThat(body.get("trend").get("lastPrice").decimalValue()).isEqualByComparingTo("10812.03");
    // 10812.03 / 10739.91 (2025-10) ... against 2025-08 and 2024-11, from the file
    assertThat(body.get("volatility").get("returns").asInt()).isEqualTo(36);
    assertThat(body.get("forecast").get("months")).hasSize(5); // 2025-12 .. 2026-04
    final JsonNode band = body.get("qpBand");
    assertThat(band.get("lower").decimalValue()).isLessThan(band.get("point").decimalValue());
    assertThat(band.get("upper").decimalValue()).isGreaterThan(band.get("point").decimalValue());
    final JsonNode rows = body.get("sensitivities");
    assertThat(rows).hasSize(5);
    assertThat(rows.get(2).get("price").decimalValue())
        .isEqualByComparingTo(band.get("point").decimalValue());
    // payable copper is 2208 t of 9200 dmt = 0.24 t/dmt (the pricing example): NSR moves by
    // 0.24 x the price move, everything else held
    for (final int i : new int[] {0, 1, 3, 4}) {
      final BigDecimal priceMove =
          rows.get(i).get("price").decimalValue().subtract(rows.get(2).get("price").decimalValue());
      assertThat(rows.get(i).get("nsrChangePerDmt").decimalValue())
          .isCloseTo(
              priceMove.multiply(new BigDecimal("0.24")),
              org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
    }
    assertThat(rows.get(4).get("nsrPerDmt").decimalValue())
        .isGreaterThan(rows.get(0).get("nsrPerDmt").decimalValue());
  }

  @Test
  void preDealAnalysisProblemsNameTheField() throws Exception {
    workbookImport();
    final ObjectNode request = JSON.createObjectNode();
    request.put("metal", "Cu");
    request.put("qpFirst", "2026-04");
    request.put("qpLast", "2026-02");
    request.set("valuation", JSON.readTree(ValuationApiTest.EXAMPLE));
    assertField(preDeal("trader", request.toString()), "qpLast");

    request.put("qpFirst", "2030-01");
    request.put("qpLast", "2030-01");
    assertField(preDeal("trader", request.toString()), "qpLast");

    request.put("qpFirst", "Feb");
    assertField(preDeal("trader", request.toString()), "qpFirst");

    request.put("qpFirst", "2026-02");
    request.remove("qpLast");
    request.put("metal", "Unobtainium");
    assertField(preDeal("trader", request.toString()), "metal");

    request.put("metal", "Cu");
    ((ObjectNode) request.get("valuation")).put("wetTonnes", -1);
    assertField(preDeal("trader", request.toString()), "valuation.wetTonnes");
  }

  private synchronized JsonNode workbookImport() throws IOException {
    if (firstWorkbookImport == null) {
      final HttpResponse<String> response =
          upload("admin", "CMO-Historical-Data-Monthly.xlsx", Files.readAllBytes(workbook()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      firstWorkbookImport = JSON.readTree(response.body());
    }
    return firstWorkbookImport;
  }

  static Path extract() {
    return workbook().resolveSibling("metals_monthly_nominal_usd.csv");
  }

  static Path workbook() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      final Path candidate =
          dir.resolve(
              "reference-data/prices/worldbank-pink-sheet/CMO-Historical-Data-Monthly.xlsx");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "reference-data not found above " + Path.of("").toAbsolutePath());
  }
}
