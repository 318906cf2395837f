package org.openmineral.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hedges filled in EUR, CHF and GBP in the P&L report: their fills recorded through {@code POST
 * /api/hedges/{id}/execution} as a broker reports them, converted into USD at this test's FX series
 * (the latest rate on or before the fill date), or left as an issue when no rate exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PnlFxReportTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY =
      "/api/reports/pnl?market=PNL_FX_TEST&fxSource=pnlfx&asOf=2025-11-28&counterparty=";
  private static final String BROKER_LEI = "7LTWFZYICNSX8D621K86";

  @Autowired JdbcTemplate jdbc;

  final UUID counterparty = UUID.randomUUID();
  final UUID deal = UUID.randomUUID();
  UUID eurHedge;
  UUID chfHedge;
  UUID gbpHedge;

  @BeforeAll
  void fixtures() throws Exception {
    final HttpResponse<String> imported =
        importSeries(
            """
            series,date,value
            Cu/PNL_FX_TEST/USD_PER_T,2025-11-03,10000
            Cu/PNL_FX_TEST/USD_PER_T,2025-11-28,10500
            FX:EUR/USD/PNLFX,2025-11-03,1.1520
            FX:EUR/USD/PNLFX,2025-11-05,1.1490
            FX:EUR/USD/PNLFX,2025-11-07,1.1560
            FX:USD/CHF/PNLFX,2025-11-04,0.8000
            """);
    assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
    jdbc.update(
        """
        insert into counterparty (id, name, type, country, ownership_disclosed, kyc_status,
          risk_rating, next_review_date, created_at, created_by, updated_at, updated_by)
        values (?, 'PnL FX Metals GmbH', 'ENTITY', 'DE', true, 'APPROVED', 'LOW',
          '2030-01-01', now(), 'test', now(), 'test')
        """,
        counterparty);
    final Timestamp captured = Timestamp.from(Instant.parse("2025-11-01T09:00:00Z"));
    jdbc.update(
        """
        insert into deal (id, counterparty_id, direction, commodity, metal, quantity, quantity_unit,
          moisture_pct, assays, pricing, terms, provisional_pct, value_amount, value_currency, desk,
          status, stage, captured_by, captured_at, updated_at)
        values (?, ?, 'BUY', 'Copper concentrate', 'Cu', 400, 'DMT', 0,
          cast('{"Cu": {"value": 25, "unit": "PCT"}}' as jsonb),
          cast('{"provisionalPrice": {"value": 10000, "unit": "USD_PER_T"}}' as jsonb),
          cast('{}' as jsonb), 90, 1000000, 'USD', 'base-metals', 'IN_EXECUTION', 'IN_EXECUTION',
          'trader', ?, ?)
        """,
        deal,
        counterparty,
        captured,
        captured);
    // 4 x 25 t sold at 8,700 EUR/t on Thursday 6 November: the rate of Wednesday 5 November
    eurHedge = hedge(4, "2025-11-02T10:00:00Z");
    fill(eurHedge, "8700", "EUR", "2025-11-06T10:00:00Z");
    // 1 x 25 t sold at 8,000 CHF/t on 4 November: the store quotes CHF per USD, inverted
    chfHedge = hedge(1, "2025-11-02T11:00:00Z");
    fill(chfHedge, "8000", "CHF", "2025-11-04T10:00:00Z");
    // 1 x 25 t sold in GBP: no GBP rate of this source
    gbpHedge = hedge(1, "2025-11-02T12:00:00Z");
    fill(gbpHedge, "7600", "GBP", "2025-11-04T10:00:00Z");
  }

  @Test
  void aHedgeFilledInEurosIsConvertedAtTheLatestRateOnOrBeforeItsFill() throws Exception {
    final JsonNode row = row(report());
    final JsonNode eur = hedgeLine(row, eurHedge);

    // 8,700 EUR/t x 1.1490 USD/EUR (5 November) = 9,996.30 USD/t
    assertThat(decimal(eur, "entryPrice")).isEqualByComparingTo("9996.3000");
    // short 100 t from 9,996.30 marked at 10,500: -100 x 503.70
    assertThat(decimal(eur, "amountUsd")).isEqualByComparingTo("-50370.00");
    final JsonNode conversion = eur.get("entryConversion");
    assertThat(conversion.get("currency").asText()).isEqualTo("EUR");
    assertThat(decimal(conversion, "price")).isEqualByComparingTo("8700");
    assertThat(decimal(conversion, "fxRate")).isEqualByComparingTo("1.1490");
    assertThat(conversion.get("fxRateDate").asText()).isEqualTo("2025-11-05");
    assertThat(conversion.get("fxSeries").asText()).isEqualTo("FX:EUR/USD/PNLFX");
    assertThat(eur.get("explanation").asText())
        .endsWith("; entry 8700 EUR/t x 1.1490 USD/EUR of 2025-11-05 (FX:EUR/USD/PNLFX)");
  }

  @Test
  void aPairQuotedTheOtherWayIsInvertedAndARateMissingStaysAnIssue() throws Exception {
    final JsonNode report = report();
    final JsonNode chf = hedgeLine(row(report), chfHedge);

    // 8,000 CHF/t x (1 / 0.8000 CHF per USD) = 10,000 USD/t; short 25 t marked at 10,500
    assertThat(decimal(chf.get("entryConversion"), "fxRate")).isEqualByComparingTo("1.25");
    assertThat(chf.get("entryConversion").get("inverted").asBoolean()).isTrue();
    assertThat(chf.get("entryConversion").get("fxSeries").asText()).isEqualTo("FX:USD/CHF/PNLFX");
    assertThat(decimal(chf, "amountUsd")).isEqualByComparingTo("-12500.00");

    // no GBP rate: no line, the issue names the series it looked for
    assertThat(row(report).get("lines").toString()).doesNotContain(gbpHedge.toString());
    JsonNode gbp = null;
    for (final JsonNode issue : report.get("issues")) {
      if (gbpHedge.toString().equals(issue.path("hedgeId").asText())) {
        gbp = issue;
      }
    }
    assertThat(gbp).as(report.get("issues").toString()).isNotNull();
    assertThat(gbp.get("field").asText()).isEqualTo("execution.currency");
    assertThat(gbp.get("reason").asText())
        .contains("filled in GBP", "FX:GBP/USD/PNLFX", "2025-11-04");
    assertThat(report.get("fxSource").asText()).isEqualTo("PNLFX");

    // the hedges' total is the sum of the converted lines
    assertThat(decimal(row(report), "unrealisedHedges")).isEqualByComparingTo("-62870.00");
  }

  @Test
  void theCsvOfLinesCarriesTheRateAndItsDate() throws Exception {
    final HttpResponse<String> csv = get(QUERY + counterparty + "&format=csv&view=lines", "risk");
    assertThat(csv.statusCode()).isEqualTo(200);
    final List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst())
        .endsWith(",explanation,entryCurrency,entryPriceInCurrency,fxRate,fxRateDate,fxSeries");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(deal + ",HEDGE,UNREALISED," + eurHedge)
                    .endsWith(",EUR,8700,1.1490,2025-11-05,FX:EUR/USD/PNLFX"));
    final HttpResponse<String> bad = get(QUERY + counterparty + "&fxSource=no-such", "risk");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("fxSource");
  }

  private JsonNode report() throws Exception {
    final HttpResponse<String> response = get(QUERY + counterparty, "risk");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode row(final JsonNode report) {
    for (final JsonNode r : report.get("rows")) {
      if (deal.toString().equals(r.get("dealId").asText())) {
        return r;
      }
    }
    throw new AssertionError("no row of deal " + deal + " in " + report);
  }

  private static JsonNode hedgeLine(final JsonNode row, final UUID hedge) {
    for (final JsonNode line : row.get("lines")) {
      if (hedge.toString().equals(line.get("reference").asText())) {
        return line;
      }
    }
    throw new AssertionError("no line of hedge " + hedge + " in " + row);
  }

  private static BigDecimal decimal(final JsonNode node, final String field) {
    return new BigDecimal(node.get(field).asText());
  }

  private UUID hedge(final int lots, final String at) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into hedge (id, deal_id, metal, exchange, contract, lots, lot_size, direction, status,
          process_instance_key, created_by_job_key, created_at, closed_at)
        values (?, ?, 'Cu', 'LME', 'LME Copper 3M', ?, 25, 'SELL', 'OPEN', 1, ?, ?, null)
        """,
        id,
        deal.toString(),
        lots,
        ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE),
        Timestamp.from(Instant.parse(at)));
    return id;
  }

  private void fill(final UUID hedge, final String price, final String currency, final String at)
      throws Exception {
    final var body = JSON.createObjectNode();
    body.put("price", new BigDecimal(price))
        .put("currency", currency)
        .put("executedAt", at)
        .put("brokerLei", BROKER_LEI);
    final HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url("/api/hedges/" + hedge + "/execution"))
                    .header("Authorization", bearer("trader"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private HttpResponse<String> get(final String path, final String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> importSeries(final String csv) throws Exception {
    final String boundary = "----openmineral" + UUID.randomUUID();
    final String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pnl-fx.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/market-data/imports"))
                .header("Authorization", bearer("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
