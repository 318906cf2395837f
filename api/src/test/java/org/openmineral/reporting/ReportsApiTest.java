package org.openmineral.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmineral.ApplicationTest;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.risk.HistoricalScenarios;
import org.openmineral.domain.risk.HistoricalVar;
import org.openmineral.domain.risk.PriceHistory;
import org.openmineral.domain.risk.PricePosition;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.marketdata.MarketPrices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports over real HTTP, on deals, hedges, invoices, payments and counterparties written to
 * PostgreSQL as the processes write them; every figure is checked against the rows behind it. The
 * fixtures are dated 2001 and use their own counterparties, so other tests' data (dated now) stays
 * out of the windows asserted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BROKER_LEI = "7LTWFZYICNSX8D621K86";
  private static final LocalDate AS_OF = LocalDate.parse("2001-06-30");
  private static final String VAR_MARKET = "REPORTS_TEST";

  @Autowired JdbcTemplate jdbc;
  @Autowired MarketPrices prices;

  final UUID overdue = UUID.randomUUID();
  final UUID dueSoon = UUID.randomUUID();
  final UUID later = UUID.randomUUID();
  final UUID bought = UUID.randomUUID();
  final UUID sold = UUID.randomUUID();
  final UUID closed = UUID.randomUUID();
  final UUID otherDesk = UUID.randomUUID();
  UUID hedgeOnBought;
  UUID hedgeOnSold;
  UUID closedHedge;
  UUID hedgeOtherDesk;
  UUID partlyPaid;
  UUID unpaid;

  @BeforeAll
  void fixtures() {
    counterparty(overdue, "Ageing Mining Reports Ltd", AS_OF.minusDays(5));
    counterparty(dueSoon, "Due Soon Smelting Reports SA", AS_OF.plusDays(30));
    counterparty(later, "Later Review Reports AG", AS_OF.plusDays(200));
    // 1,000 wmt at 8 % moisture = 920 dmt, 25 % Cu = 230 t Cu long
    deal(bought, "BUY", "1000", "WMT", "8", "25", "1000000", "APPROVED", "base-metals");
    // 500 dmt at 30 % Cu = 150 t Cu short
    deal(sold, "SELL", "500", "DMT", "0", "30", "600000", "IN_EXECUTION", "base-metals");
    deal(closed, "BUY", "100", "DMT", "0", "25", "200000", "CLOSED", "base-metals");
    // 100 dmt at 20 % = 20 t Cu long on another desk
    deal(otherDesk, "BUY", "100", "DMT", "0", "20", "150000", "CAPTURED", "precious");
    hedgeOnBought = hedge(bought, "SELL", 8, "OPEN", "2001-05-02T10:00:00Z");
    hedgeOnSold = hedge(sold, "BUY", 4, "OPEN", "2001-05-02T11:00:00Z");
    closedHedge = hedge(bought, "SELL", 2, "CLOSED", "2001-04-01T10:00:00Z");
    hedgeOtherDesk = hedge(otherDesk, "SELL", 1, "OPEN", "2001-04-02T10:00:00Z");
    partlyPaid = invoice(bought, "PROVISIONAL", "900000.00", "2001-06-20T08:00:00Z");
    payment(partlyPaid, "400000.00");
    unpaid = invoice(sold, "PROVISIONAL", "540000.00", "2001-03-01T08:00:00Z");
    final UUID settled = invoice(sold, "FINAL", "12000.00", "2001-05-01T08:00:00Z");
    payment(settled, "12000.00");
    invoice(bought, "FINAL", "1000.00", "2001-07-05T08:00:00Z");
  }

  @Test
  void positionsNetPhysicalAgainstOpenHedgesPerMetalAndCounterparty() throws Exception {
    final JsonNode risk = json(get("/api/reports/positions", "risk"), 200);
    final JsonNode all = row(risk, overdue);
    assertThat(all.get("deals").asInt()).isEqualTo(3);
    // 230 - 150 + 20 contained; hedges -200 + 100 - 25
    assertThat(decimal(all, "containedTonnes")).isEqualByComparingTo("100.000");
    assertThat(decimal(all, "hedgedTonnes")).isEqualByComparingTo("-125.000");
    assertThat(decimal(all, "netTonnes")).isEqualByComparingTo("-25.000");
    assertThat(decimal(all, "hedgeCoveragePct")).isEqualByComparingTo("125.0");

    final JsonNode deskHead = json(get("/api/reports/positions", "desk-head"), 200);
    assertThat(deskHead.get("desk").asText()).isEqualTo("base-metals");
    final JsonNode desk = row(deskHead, overdue);
    assertThat(desk.get("deals").asInt())
        .as("the closed deal and the other desk's are out")
        .isEqualTo(2);
    assertThat(decimal(desk, "dryTonnes")).isEqualByComparingTo("420.000");
    assertThat(decimal(desk, "containedTonnes")).isEqualByComparingTo("80.000");
    assertThat(decimal(desk, "hedgedTonnes")).isEqualByComparingTo("-100.000");
    assertThat(decimal(desk, "netTonnes")).isEqualByComparingTo("-20.000");
    assertThat(decimal(desk, "value")).isEqualByComparingTo("1600000.00");

    final HttpResponse<String> csv = get("/api/reports/positions?format=csv", "desk-head");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/csv"));
    final List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "metal,counterpartyId,counterpartyName,deals,dryTonnes,containedTonnes,hedgedTonnes,netTonnes,hedgeCoveragePct,value,currency");
    assertThat(lines)
        .contains(
            "Cu,"
                + overdue
                + ",Ageing Mining Reports Ltd,2,420.000,80.000,-100.000,-20.000,125.0,1600000.00,USD");
  }

  @Test
  void invoiceAgeingBucketsWhatIsStillOutstanding() throws Exception {
    final JsonNode report = json(get("/api/reports/invoice-ageing?asOf=" + AS_OF, "risk"), 200);
    final JsonNode rows = report.get("rows");
    assertThat(rows).hasSize(2);
    final JsonNode first = rows.get(0);
    assertThat(first.get("invoiceId").asText()).isEqualTo(unpaid.toString());
    assertThat(first.get("side").asText()).isEqualTo("RECEIVABLE");
    assertThat(first.get("ageDays").asLong()).isEqualTo(121);
    assertThat(first.get("bucket").asText()).isEqualTo("90+");
    assertThat(decimal(first, "outstanding")).isEqualByComparingTo("540000.00");
    final JsonNode second = rows.get(1);
    assertThat(second.get("invoiceId").asText()).isEqualTo(partlyPaid.toString());
    assertThat(second.get("side").asText()).isEqualTo("PAYABLE");
    assertThat(second.get("bucket").asText()).isEqualTo("0-30");
    assertThat(decimal(second, "paid")).isEqualByComparingTo("400000.00");
    assertThat(decimal(second, "outstanding")).isEqualByComparingTo("500000.00");
    assertThat(report.get("totals")).hasSize(2);

    final HttpResponse<String> csv =
        get("/api/reports/invoice-ageing?format=csv&asOf=" + AS_OF, "auditor");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().lines().count()).isEqualTo(3);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> d.contains("invoice-ageing-2001-06-30.csv"));
  }

  @Test
  void kycReviewsListWhatIsDueAndWhatIsOverdue() throws Exception {
    final JsonNode report =
        json(get("/api/reports/kyc-reviews?asOf=" + AS_OF + "&withinDays=90", "compliance"), 200);
    final JsonNode due = report.get("reviewsDue");
    assertThat(due).hasSize(2);
    assertThat(due.get(0).get("counterpartyId").asText()).isEqualTo(overdue.toString());
    assertThat(due.get(0).get("overdue").asBoolean()).isTrue();
    assertThat(due.get(0).get("daysUntilReview").asLong()).isEqualTo(-5);
    assertThat(due.get(1).get("counterpartyId").asText()).isEqualTo(dueSoon.toString());
    assertThat(due.get(1).get("overdue").asBoolean()).isFalse();
    final int approved =
        jdbc.queryForObject(
            "select count(*) from counterparty where kyc_status = 'APPROVED'", Integer.class);
    assertThat(report.get("byStatus").get("APPROVED").asInt()).isEqualTo(approved);
  }

  @Test
  void theHedgeTradeReportIsExportedOnlyWhenEveryMandatoryFieldIsThere() throws Exception {
    final String period = "/api/reports/hedge-trades?from=2001-05-01&to=2001-05-03";
    execution(hedgeOnBought, "9012.50", "2001-05-02T10:00:01Z", 201);
    final JsonNode incomplete = json(get(period, "risk"), 200);
    assertThat(incomplete.get("valid").asBoolean()).isFalse();
    assertThat(incomplete.get("rows")).hasSize(1);
    final List<String> fields = new ArrayList<>();
    incomplete
        .get("issues")
        .forEach(i -> fields.add(i.get("hedgeId").asText() + ":" + i.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            hedgeOnSold + ":price",
            hedgeOnSold + ":priceCurrency",
            hedgeOnSold + ":executionTimestamp",
            hedgeOnSold + ":counterparty2");

    final HttpResponse<String> refused = get(period + "&format=csv", "risk");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(refused.body()).get("issues")).hasSize(4);

    execution(hedgeOnSold, "9100", "2001-05-02T11:00:02Z", 201);
    final HttpResponse<String> csv = get(period + "&format=csv", "auditor");
    assertThat(csv.statusCode()).isEqualTo(200);
    final List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .startsWith(
            "506700GE1G29325QX363" + hedgeOnBought.toString().replace("-", "").toUpperCase())
        .contains(",506700GE1G29325QX363," + BROKER_LEI + ",SLLR,COMM,FUTR,XLME,METL,NPRM,")
        .contains(",9012.50,USD,8,200.0000,TONS,1802500.00,USD,2001-05-02T10:00:01Z,NEWT,TRAD,");
    assertThat(lines.get(2)).contains(",BYER,").contains(",4,100.0000,TONS,910000.00,");
  }

  @Test
  void aHedgeExecutionIsRecordedOnceValidatedAndGuarded() throws Exception {
    final UUID hedge = hedge(bought, "SELL", 3, "OPEN", "2001-01-10T10:00:00Z");
    execution(hedge, "9000.5", "2001-01-10T10:00:00Z", 201);
    execution(hedge, "9000.50", "2001-01-10T10:00:00Z", 200);
    final JsonNode conflict =
        json(executionRequest(hedge, "9001", "2001-01-10T10:00:00Z", BROKER_LEI, "trader"), 409);
    assertThat(conflict.get("execution").get("recordedBy").asText()).isEqualTo("trader");

    final JsonNode badLei =
        json(
            executionRequest(hedge, "9001", "2001-01-10T10:00:00Z", "5493001KJTIIGC8Y1R13", "risk"),
            400);
    assertThat(badLei.get("field").asText()).isEqualTo("brokerLei");
    final JsonNode noPrice =
        json(executionRequest(hedge, null, "2001-01-10T10:00:00Z", BROKER_LEI, "risk"), 400);
    assertThat(noPrice.get("field").asText()).isEqualTo("price");
    final JsonNode badTime =
        json(executionRequest(hedge, "1", "yesterday", BROKER_LEI, "risk"), 400);
    assertThat(badTime.get("field").asText()).isEqualTo("executedAt");
    json(executionRequest(UUID.randomUUID(), "1", "2001-01-10T10:00:00Z", BROKER_LEI, "risk"), 404);
    assertThat(
            executionRequest(hedge, "1", "2001-01-10T10:00:00Z", BROKER_LEI, "operations")
                .statusCode())
        .isEqualTo(403);

    final JsonNode listed = json(get("/api/hedges?dealId=" + bought, "operations"), 200);
    assertThat(listed).extracting(h -> h.get("id").asText()).contains(hedge.toString());
    // the desk head of base-metals does not see the precious desk's hedges
    json(get("/api/hedges/" + hedgeOtherDesk, "desk-head"), 404);
    assertThat(json(get("/api/hedges/" + hedgeOtherDesk, "risk"), 200).get("lots").asInt())
        .isEqualTo(1);
  }

  @Test
  void badParametersNameTheFieldAndRolesAreChecked() throws Exception {
    assertThat(json(get("/api/reports/positions?format=xml", "risk"), 400).get("field").asText())
        .isEqualTo("format");
    assertThat(
            json(get("/api/reports/invoice-ageing?asOf=30.06.2001", "risk"), 400)
                .get("field")
                .asText())
        .isEqualTo("asOf");
    assertThat(
            json(get("/api/reports/kyc-reviews?withinDays=-1", "risk"), 400).get("field").asText())
        .isEqualTo("withinDays");
    assertThat(
            json(get("/api/reports/hedge-trades?from=2001-05-03&to=2001-05-01", "risk"), 400)
                .get("field")
                .asText())
        .isEqualTo("to");
    assertThat(get("/api/reports/positions", "trader").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/kyc-reviews", "operations").statusCode()).isEqualTo(403);
  }

  @Test
  void valueAtRiskRevaluesTheNetBookUnderThePriceHistory() throws Exception {
    final HttpResponse<String> imported = importTestSeries();
    assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
    final JsonNode var =
        json(
            get("/api/reports/var?confidence=0.95&horizon=1&market=" + VAR_MARKET, "desk-head"),
            200);
    final JsonNode totals = json(get("/api/reports/positions", "desk-head"), 200).get("totals");

    // the domain's historical simulation on the same net tonnes and the stored series
    final List<PricePosition> held = new ArrayList<>();
    final List<HistoricalPrices> history = new ArrayList<>();
    for (final JsonNode total : totals) {
      final BigDecimal net = new BigDecimal(total.get("netTonnes").asText());
      if (net.signum() != 0) {
        final Element metal = Element.ofSymbol(total.get("metal").asText());
        held.add(new PricePosition(metal.symbol(), metal, net));
        history.add(
            HistoricalPrices.from(
                prices
                    .find(PriceSeriesId.of(metal, VAR_MARKET, PriceUnit.USD_PER_T))
                    .orElseThrow()));
      }
    }
    assertThat(held).as("the fixtures leave an open copper position").isNotEmpty();
    final HistoricalVar expected =
        HistoricalVar.of(
            HistoricalScenarios.of(held, PriceHistory.of(history), 1), new BigDecimal("0.95"));
    assertThat(var.get("scenarios").asInt()).isEqualTo(expected.scenarioCount()).isGreaterThan(100);
    assertThat(decimal(var, "valueAtRiskUsd"))
        .isEqualByComparingTo(expected.valueAtRiskUsd().amount())
        .isPositive();
    assertThat(decimal(var, "expectedShortfallUsd"))
        .isEqualByComparingTo(expected.expectedShortfallUsd().amount())
        .isGreaterThanOrEqualTo(decimal(var, "valueAtRiskUsd"));
    assertThat(var.get("positions").get(0).get("series").asText())
        .isEqualTo("Cu/" + VAR_MARKET + "/USD_PER_T");

    assertThat(
            json(get("/api/reports/var?confidence=1.5&market=" + VAR_MARKET, "risk"), 400)
                .get("field")
                .asText())
        .isEqualTo("confidence");
    assertThat(
            json(get("/api/reports/var?horizon=0&market=" + VAR_MARKET, "risk"), 400)
                .get("field")
                .asText())
        .isEqualTo("horizon");
    assertThat(
            json(get("/api/reports/var?market=NO_SUCH_MARKET", "risk"), 400).get("field").asText())
        .isEqualTo("market");
    assertThat(get("/api/reports/var", "trader").statusCode()).isEqualTo(403);
  }

  @Test
  void everyReportIsAlsoAPdfWithItsParametersAndTable() throws Exception {
    assertThat(pdfText("/api/reports/positions?format=pdf", "desk-head"))
        .contains("Positions and hedges")
        .contains("Net tonnes by counterparty")
        .contains("base-metals")
        .contains("Ageing Mining Reports Ltd")
        .contains("1600000.00")
        .contains("-100.000");
    assertThat(pdfText("/api/reports/invoice-ageing?format=pdf&asOf=" + AS_OF, "risk"))
        .contains("Invoice ageing")
        .contains(AS_OF.toString())
        .contains("540000.00")
        .contains("90+");
    assertThat(pdfText("/api/reports/kyc-reviews?format=pdf&asOf=" + AS_OF, "risk"))
        .contains("KYC reviews due")
        .contains("Due Soon Smelting Reports SA");
    assertThat(
            pdfText(
                "/api/reports/process-throughput?format=pdf&view=tasks&from=2001-01-01&to=2001-02-01",
                "risk"))
        .contains("Task SLAs")
        .contains("2001-01-01");
    // the trade report's PDF follows its CSV: refused while a hedge is incomplete
    final int csvStatus =
        get("/api/reports/hedge-trades?format=csv&from=2001-03-01&to=2001-07-01", "risk")
            .statusCode();
    final HttpResponse<byte[]> trades =
        bytes("/api/reports/hedge-trades?format=pdf&from=2001-03-01&to=2001-07-01", "risk");
    assertThat(trades.statusCode()).isEqualTo(csvStatus);
    importTestSeries();
    final JsonNode var =
        json(get("/api/reports/var?confidence=0.95&market=" + VAR_MARKET, "desk-head"), 200);
    assertThat(
            pdfText(
                "/api/reports/var?format=pdf&confidence=0.95&market=" + VAR_MARKET, "desk-head"))
        .contains("Value at risk of the open book")
        .contains(var.get("valueAtRiskUsd").decimalValue().toPlainString())
        .contains("Cu/" + VAR_MARKET + "/USD_PER_T");
  }

  private String pdfText(final String path, final String user) throws Exception {
    final HttpResponse<byte[]> pdf = bytes(path, user);
    assertThat(pdf.statusCode()).as(path).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains(".pdf"));
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isPositive();
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  private HttpResponse<byte[]> bytes(final String path, final String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Ten years of monthly copper prices of a market of this test's own (so the World Bank series
   * other tests import stay theirs), in the series CSV format of the market data import.
   */
  private HttpResponse<String> importTestSeries() throws Exception {
    final StringBuilder csv = new StringBuilder("series,date,value\n");
    for (int i = 0; i < 120; i++) {
      final java.time.YearMonth month = java.time.YearMonth.of(2015, 1).plusMonths(i);
      final int value = 8000 + 5 * i + (i * 37 % 500) - 250;
      csv.append("Cu/")
          .append(VAR_MARKET)
          .append("/USD_PER_T,")
          .append(month)
          .append(',')
          .append(value)
          .append('\n');
    }
    final String boundary = "----openmineral" + UUID.randomUUID();
    final String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"var-test.csv\""
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

  private static JsonNode row(final JsonNode report, final UUID counterparty) {
    for (final JsonNode row : report.get("rows")) {
      if (row.get("counterpartyId").asText().equals(counterparty.toString())
          && row.get("metal").asText().equals("Cu")) {
        return row;
      }
    }
    throw new AssertionError("no Cu row for " + counterparty + " in " + report);
  }

  private static BigDecimal decimal(final JsonNode node, final String field) {
    return new BigDecimal(node.get(field).asText());
  }

  private JsonNode json(final HttpResponse<String> response, final int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(final String path, final String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void execution(final UUID hedge, final String price, final String at, final int status)
      throws Exception {
    json(executionRequest(hedge, price, at, BROKER_LEI, "trader"), status);
  }

  private HttpResponse<String> executionRequest(
      final UUID hedge, final String price, final String at, final String lei, final String user)
      throws Exception {
    final var body = JSON.createObjectNode();
    if (price != null) {
      body.put("price", new BigDecimal(price));
    }
    body.put("currency", "USD").put("executedAt", at).put("brokerLei", lei);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/api/hedges/" + hedge + "/execution"))
                .header("Authorization", bearer(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void counterparty(final UUID id, final String name, final LocalDate nextReview) {
    final Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        """
        insert into counterparty (id, name, type, country, ownership_disclosed, kyc_status,
          risk_rating, next_review_date, created_at, created_by, updated_at, updated_by)
        values (?, ?, 'ENTITY', 'CL', true, 'APPROVED', 'LOW', ?, ?, 'test', ?, 'test')
        """,
        id,
        name,
        nextReview,
        now,
        now);
  }

  private void deal(
      final UUID id,
      final String direction,
      final String quantity,
      final String unit,
      final String moisture,
      final String cuPct,
      final String value,
      final String status,
      final String desk) {
    final Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        """
        insert into deal (id, counterparty_id, direction, commodity, metal, quantity, quantity_unit,
          moisture_pct, assays, pricing, terms, provisional_pct, value_amount, value_currency, desk,
          status, stage, captured_by, captured_at, updated_at)
        values (?, ?, ?, 'Copper concentrate', 'Cu', ?, ?, ?, cast(? as jsonb), '{}', '{}', 90, ?,
          'USD', ?, ?, ?, 'trader', ?, ?)
        """,
        id,
        overdue,
        direction,
        new BigDecimal(quantity),
        unit,
        new BigDecimal(moisture),
        "{\"Cu\": {\"value\": " + cuPct + ", \"unit\": \"PCT\"}}",
        new BigDecimal(value),
        desk,
        status,
        status,
        now,
        now);
  }

  private UUID hedge(
      final UUID deal,
      final String direction,
      final int lots,
      final String status,
      final String at) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into hedge (id, deal_id, metal, exchange, contract, lots, lot_size, direction, status,
          process_instance_key, created_by_job_key, created_at)
        values (?, ?, 'Cu', 'LME', 'LME Copper 3M', ?, 25, ?, ?, 1, ?, ?)
        """,
        id,
        deal.toString(),
        lots,
        direction,
        status,
        jobKey(),
        Timestamp.from(Instant.parse(at)));
    return id;
  }

  private UUID invoice(final UUID deal, final String kind, final String balance, final String at) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency, balance,
          lines, process_instance_key, created_by_job_key, created_at)
        values (?, ?, ?, ?, ?, ?, 'USD', ?, '[]', 1, ?, ?)
        """,
        id,
        deal.toString(),
        deal.toString(),
        overdue.toString(),
        kind,
        new BigDecimal(balance),
        new BigDecimal(balance),
        jobKey(),
        Timestamp.from(Instant.parse(at)));
    return id;
  }

  private void payment(final UUID invoice, final String amount) {
    jdbc.update(
        """
        insert into payment (id, invoice_id, amount, message_id, job_key, received_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        UUID.randomUUID(),
        invoice,
        new BigDecimal(amount),
        "payment-" + UUID.randomUUID(),
        jobKey(),
        Timestamp.from(Instant.parse("2001-06-25T00:00:00Z")));
  }

  private static long jobKey() {
    return ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE);
  }
}
