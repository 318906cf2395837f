package org.openmineral.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
 * The P&L report over real HTTP, on deals, final invoices, payments, hedges, their executions and
 * fixings written to PostgreSQL as the processes write them, and copper prices of a market of this
 * test's own imported through the market data API. Each figure is recomputed here from the rows
 * behind it: sign x tonnes x (exit price - entry price), purchases positive. Hedges filled in EUR,
 * CHF and GBP are converted at this test's FX series, or left as an issue without a rate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PnlReportTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKET = "PNL_TEST";
  private static final String BROKER_LEI = "7LTWFZYICNSX8D621K86";
  private static final String FX_QUERY =
      "/api/reports/pnl?market=PNL_TEST&fxSource=pnlfx&asOf=2025-11-28&counterparty=";

  @Autowired JdbcTemplate jdbc;

  final UUID counterparty = UUID.randomUUID();
  final UUID bought = UUID.randomUUID();
  final UUID sold = UUID.randomUUID();
  final UUID otherDesk = UUID.randomUUID();
  final UUID cancelled = UUID.randomUUID();
  final UUID unpriced = UUID.randomUUID();
  UUID sellHedge;
  UUID closedHedge;
  UUID hedgeWithoutFill;
  UUID finalOfSold;
  UUID finalOfBought;
  // hedges filled in EUR, CHF and GBP, on a deal of 2025 (after every 2002 report above)
  final UUID boughtInEurope = UUID.randomUUID();
  UUID eurHedge;
  UUID chfHedge;
  UUID gbpHedge;

  @BeforeAll
  void fixtures() throws Exception {
    final HttpResponse<String> imported =
        importPrices(
            "series,date,value\n"
                + "Cu/PNL_TEST/USD_PER_T,2002-05-15,9150\n"
                + "Cu/PNL_TEST/USD_PER_T,2002-05-20,9050\n"
                + "Cu/PNL_TEST/USD_PER_T,2002-06-10,9400\n"
                + "Cu/PNL_TEST/USD_PER_T,2002-06-28,9500\n"
                + "Cu/PNL_TEST/USD_PER_T,2002-07-31,9600\n");
    assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
    jdbc.update(
        """
        insert into counterparty (id, name, type, country, ownership_disclosed, kyc_status,
          risk_rating, next_review_date, created_at, created_by, updated_at, updated_by)
        values (?, 'PnL Copper Trading Ltd', 'ENTITY', 'PE', true, 'APPROVED', 'LOW',
          '2030-01-01', now(), 'test', now(), 'test')
        """,
        counterparty);
    // 1,000 wmt, 8 % moisture, 25 % Cu, 96.5 % payable: 221.95 t bought at 9,000 USD/t
    deal(
        bought,
        "BUY",
        "1000",
        "WMT",
        "8",
        "25",
        "{\"provisionalPrice\": {\"value\": 9000, \"unit\": \"USD_PER_T\"}}",
        "{\"payables\": [{\"element\": \"Cu\", \"payablePct\": 96.5}]}",
        "IN_EXECUTION",
        "base-metals",
        "2002-05-01T09:00:00Z");
    // 500 dmt at 30 % Cu sold at 4.10 USD/lb, settled by a final invoice of 144 t at 9,200 USD/t
    deal(
        sold,
        "SELL",
        "500",
        "DMT",
        "0",
        "30",
        "{\"provisionalPrice\": {\"value\": 4.10, \"unit\": \"USD_PER_LB\"}}",
        "{}",
        "SETTLING",
        "base-metals",
        "2002-04-01T09:00:00Z");
    deal(
        otherDesk,
        "BUY",
        "100",
        "DMT",
        "0",
        "20",
        "{\"provisionalPrice\": {\"value\": 9000, \"unit\": \"USD_PER_T\"}}",
        "{}",
        "APPROVED",
        "precious",
        "2002-05-01T09:00:00Z");
    deal(
        cancelled,
        "BUY",
        "100",
        "DMT",
        "0",
        "20",
        "{\"provisionalPrice\": {\"value\": 9000, \"unit\": \"USD_PER_T\"}}",
        "{}",
        "CANCELLED",
        "base-metals",
        "2002-05-01T09:00:00Z");
    deal(
        unpriced,
        "BUY",
        "100",
        "DMT",
        "0",
        "20",
        "{}",
        "{}",
        "CAPTURED",
        "base-metals",
        "2002-05-01T09:00:00Z");

    // the purchase hedged by selling 8 x 25 t at 9,100; 3 lots fixed on 10 June
    sellHedge = hedge(bought, "SELL", 8, "OPEN", "2002-05-02T10:00:00Z", null);
    execution(sellHedge, "9100");
    roll(sellHedge, "2002-06-10", 3);
    // the sale hedged by buying 4 x 25 t at 9,000, closed on 20 May without fixings recorded
    closedHedge = hedge(sold, "BUY", 4, "CLOSED", "2002-04-02T10:00:00Z", "2002-05-20T18:00:00Z");
    execution(closedHedge, "9000");
    hedgeWithoutFill = hedge(sold, "BUY", 1, "OPEN", "2002-04-02T11:00:00Z", null);

    finalOfSold = finalInvoice(sold, "144", "9200", "1324800.00", "2002-05-15T08:00:00Z");
    payment(finalOfSold, "100000.00");
    finalOfBought = finalInvoice(bought, "221", "9580", "2117180.00", "2002-07-05T08:00:00Z");

    fxFixtures();
  }

  /**
   * A purchase of 2025 hedged by sales filled in EUR, CHF and GBP, the fills recorded through
   * {@code POST /api/hedges/{id}/execution} as a broker reports them, and EUR/USD and USD/CHF rates
   * of this test's FX source.
   */
  private void fxFixtures() throws Exception {
    final HttpResponse<String> imported =
        importPrices(
            """
            series,date,value
            Cu/PNL_TEST/USD_PER_T,2025-11-03,10000
            Cu/PNL_TEST/USD_PER_T,2025-11-28,10500
            FX:EUR/USD/PNLFX,2025-11-03,1.1520
            FX:EUR/USD/PNLFX,2025-11-05,1.1490
            FX:EUR/USD/PNLFX,2025-11-07,1.1560
            FX:USD/CHF/PNLFX,2025-11-04,0.8000
            """);
    assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
    deal(
        boughtInEurope,
        "BUY",
        "400",
        "DMT",
        "0",
        "25",
        "{\"provisionalPrice\": {\"value\": 10000, \"unit\": \"USD_PER_T\"}}",
        "{}",
        "IN_EXECUTION",
        "base-metals",
        "2025-11-01T09:00:00Z");
    // 4 x 25 t sold at 8,700 EUR/t on Thursday 6 November: the rate of Wednesday 5 November
    eurHedge = hedge(boughtInEurope, "SELL", 4, "OPEN", "2025-11-02T10:00:00Z", null);
    fill(eurHedge, "8700", "EUR", "2025-11-06T10:00:00Z");
    // 1 x 25 t sold at 8,000 CHF/t on 4 November: the store quotes CHF per USD, inverted
    chfHedge = hedge(boughtInEurope, "SELL", 1, "OPEN", "2025-11-02T11:00:00Z", null);
    fill(chfHedge, "8000", "CHF", "2025-11-04T10:00:00Z");
    // 1 x 25 t sold in GBP: no GBP rate of this source
    gbpHedge = hedge(boughtInEurope, "SELL", 1, "OPEN", "2025-11-02T12:00:00Z", null);
    fill(gbpHedge, "7600", "GBP", "2025-11-04T10:00:00Z");
  }

  @Test
  void realisedAndUnrealisedFiguresFollowTheDealsInvoicesAndHedges() throws Exception {
    final JsonNode report = report("asOf=2002-06-28", "risk");
    // bought, sold, the other desk's and the unpriced deal (shown, with its issue)
    assertThat(report.get("rows")).hasSize(4);
    assertThat(decimal(row(report, unpriced), "total")).isEqualByComparingTo("0");

    // the purchase is open: its payable metal marked at the 28 June price
    final JsonNode purchase = row(report, bought);
    final BigDecimal physical = pnl(1, "221.95", "9000", "9500");
    assertThat(decimal(purchase, "unrealisedPhysical")).isEqualByComparingTo(physical);
    assertThat(physical).isEqualByComparingTo("110975.00");
    // 3 of the 8 sold lots closed out at the 10 June price, 5 still open at the 28 June price
    assertThat(decimal(purchase, "realisedHedges"))
        .isEqualByComparingTo(pnl(-1, "75", "9100", "9400"));
    assertThat(decimal(purchase, "unrealisedHedges"))
        .isEqualByComparingTo(pnl(-1, "125", "9100", "9500"));
    assertThat(decimal(purchase, "realisedPhysical")).isEqualByComparingTo("0");
    assertThat(decimal(purchase, "total"))
        .isEqualByComparingTo(
            physical.add(pnl(-1, "75", "9100", "9400")).add(pnl(-1, "125", "9100", "9500")));
    final JsonNode open = line(purchase, "PHYSICAL", "UNREALISED");
    assertThat(decimal(open, "quantityTonnes")).isEqualByComparingTo("221.95");
    assertThat(open.get("exitPriceDate").asText()).isEqualTo("2002-06-28");
    assertThat(open.get("exitPriceSource").asText()).isEqualTo("Cu/PNL_TEST/USD_PER_T");
    assertThat(open.get("explanation").asText()).contains("221.9500 t x (9500 - 9000) USD/t");

    // the sale is settled: the final invoice's price against the deal price in USD/t
    final JsonNode sale = row(report, sold);
    final BigDecimal salePrice =
        new BigDecimal("4.10")
            .multiply(
                new BigDecimal("1000").divide(new BigDecimal("0.45359237"), MathContext.DECIMAL128))
            .setScale(4, RoundingMode.HALF_UP);
    assertThat(salePrice).isEqualByComparingTo("9038.9527");
    assertThat(decimal(sale, "realisedPhysical"))
        .isEqualByComparingTo(pnl(-1, "144", salePrice.toPlainString(), "9200"));
    assertThat(decimal(line(sale, "PHYSICAL", "REALISED"), "entryPrice"))
        .isEqualByComparingTo(salePrice);
    assertThat(line(sale, "PHYSICAL", "REALISED").get("exitPriceSource").asText())
        .isEqualTo("final invoice " + finalOfSold);
    // the closed hedge: 4 lots bought at 9,000 closed at the 20 May price
    assertThat(decimal(sale, "realisedHedges")).isEqualByComparingTo(pnl(1, "100", "9000", "9050"));
    assertThat(decimal(sale, "unrealised")).isEqualByComparingTo("0");
    assertThat(decimal(sale, "finalInvoiced")).isEqualByComparingTo("1324800.00");
    assertThat(decimal(sale, "paymentsMatched")).isEqualByComparingTo("100000.00");

    // the other desk's deal is the risk manager's too; the cancelled one is nobody's
    assertThat(row(report, otherDesk)).isNotNull();
    assertThat(report.toString()).doesNotContain(cancelled.toString());

    // what could not be priced is named, not dropped
    assertThat(issue(report, hedgeWithoutFill.toString()).get("field").asText())
        .isEqualTo("execution");
    assertThat(issueOfDeal(report, unpriced).get("field").asText())
        .isEqualTo("pricing.provisionalPrice");

    // totals are the sums of the rows
    BigDecimal realised = BigDecimal.ZERO;
    BigDecimal unrealised = BigDecimal.ZERO;
    for (final JsonNode r : report.get("rows")) {
      realised = realised.add(decimal(r, "realised"));
      unrealised = unrealised.add(decimal(r, "unrealised"));
    }
    assertThat(decimal(report, "realised")).isEqualByComparingTo(realised);
    assertThat(decimal(report, "unrealised")).isEqualByComparingTo(unrealised);
    assertThat(decimal(report.get("totals").get(0), "total"))
        .isEqualByComparingTo(realised.add(unrealised));
  }

  @Test
  void theAsOfDateAndThePeriodDecideWhatIsRealised() throws Exception {
    // on 31 July the purchase's final invoice is out: its physical P&L is realised
    final JsonNode july = row(report("asOf=2002-07-31", "risk"), bought);
    assertThat(decimal(july, "realisedPhysical"))
        .isEqualByComparingTo(pnl(1, "221", "9000", "9580"));
    assertThat(decimal(july, "unrealisedPhysical")).isEqualByComparingTo("0");
    assertThat(decimal(july, "unrealisedHedges"))
        .isEqualByComparingTo(pnl(-1, "125", "9100", "9600"));

    // June only: the sale settled in May has nothing realised in the period and is left out
    final JsonNode june = report("from=2002-06-01&asOf=2002-06-28", "risk");
    assertThat(june.get("rows").toString()).doesNotContain(sold.toString());
    assertThat(decimal(row(june, bought), "realisedHedges"))
        .isEqualByComparingTo(pnl(-1, "75", "9100", "9400"));

    // before the purchase was captured it is not in the report
    assertThat(report("asOf=2002-04-30", "risk").get("rows").toString())
        .doesNotContain(bought.toString());
  }

  @Test
  void theDeskHeadSeesTheDeskAndFiltersNarrowTheBook() throws Exception {
    final JsonNode desk = report("asOf=2002-06-28", "desk-head");
    assertThat(desk.get("desk").asText()).isEqualTo("base-metals");
    assertThat(desk.toString()).doesNotContain(otherDesk.toString());
    assertThat(desk.get("rows")).hasSize(3);
    assertThat(report("asOf=2002-06-28&metal=zn", "risk").get("rows")).isEmpty();
    assertThat(report("asOf=2002-06-28&metal=cu", "risk").get("rows")).hasSize(4);
  }

  @Test
  void csvGivesDealsOrLines() throws Exception {
    final HttpResponse<String> deals =
        get(
            "/api/reports/pnl?format=csv&market=PNL_TEST&asOf=2002-06-28&counterparty="
                + counterparty,
            "risk");
    assertThat(deals.statusCode()).isEqualTo(200);
    assertThat(deals.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    final List<String> rows = deals.body().lines().toList();
    assertThat(rows.getFirst())
        .isEqualTo(
            "dealId,counterpartyId,counterpartyName,metal,direction,status,realisedPhysical,"
                + "realisedHedges,unrealisedPhysical,unrealisedHedges,realised,unrealised,total,"
                + "currency");
    assertThat(rows)
        .contains(
            bought
                + ","
                + counterparty
                + ",PnL Copper Trading Ltd,Cu,BUY,IN_EXECUTION,0.00,-22500.00,110975.00,"
                + "-50000.00,-22500.00,60975.00,38475.00,USD");
    final HttpResponse<String> lines =
        get(
            "/api/reports/pnl?format=csv&view=lines&market=PNL_TEST&asOf=2002-06-28&counterparty="
                + counterparty,
            "risk");
    assertThat(lines.body().lines().toList())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        bought + ",HEDGE,REALISED," + sellHedge + ",SALE,75.0000,9100,9400,"));
  }

  @Test
  void thePdfCarriesTheParametersAndTheFiguresOfEachDeal() throws Exception {
    final HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        url(
                            "/api/reports/pnl?format=pdf&market=PNL_TEST&asOf=2002-06-28"
                                + "&counterparty="
                                + counterparty))
                    .header("Authorization", bearer("risk"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      final String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      final JsonNode json = report("asOf=2002-06-28", "risk");
      assertThat(text)
          .contains("P&L by deal")
          .contains("Total P&L by deal (USD)")
          .contains("2002-06-28")
          .contains("PNL_TEST")
          .contains(decimal(json, "total").setScale(2).toPlainString())
          .contains("110975.00")
          .contains("-22500.00")
          .contains("-50000.00")
          .contains("-23190.81");
    }
  }

  @Test
  void badParametersNameTheFieldAndRolesAreChecked() throws Exception {
    for (final String[] bad :
        List.of(
            new String[] {"asOf=28.06.2002", "asOf"},
            new String[] {"from=2002-07-01&asOf=2002-06-28", "from"},
            new String[] {"metal=Xx", "metal"},
            new String[] {"counterparty=abc", "counterparty"},
            new String[] {"market=no%20such", "market"},
            new String[] {"view=pivot&format=csv", "view"},
            new String[] {"format=xml", "format"})) {
      final HttpResponse<String> response = get("/api/reports/pnl?" + bad[0], "risk");
      assertThat(json(response, 400).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(get("/api/reports/pnl", "trader").statusCode()).isEqualTo(403);
  }

  /** The P&L of {@code tonnes} taken at {@code entry} against {@code exit}, sign +1 bought. */
  private static BigDecimal pnl(
      final int sign, final String tonnes, final String entry, final String exit) {
    return new BigDecimal(tonnes)
        .multiply(new BigDecimal(exit).subtract(new BigDecimal(entry)))
        .multiply(BigDecimal.valueOf(sign))
        .setScale(2, RoundingMode.HALF_UP);
  }

  @Test
  void aHedgeFilledInEurosIsConvertedAtTheLatestRateOnOrBeforeItsFill() throws Exception {
    final JsonNode row = row(fxReport(), boughtInEurope);
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
    final JsonNode report = fxReport();
    final JsonNode chf = hedgeLine(row(report, boughtInEurope), chfHedge);

    // 8,000 CHF/t x (1 / 0.8000 CHF per USD) = 10,000 USD/t; short 25 t marked at 10,500
    assertThat(decimal(chf.get("entryConversion"), "fxRate")).isEqualByComparingTo("1.25");
    assertThat(chf.get("entryConversion").get("inverted").asBoolean()).isTrue();
    assertThat(chf.get("entryConversion").get("fxSeries").asText()).isEqualTo("FX:USD/CHF/PNLFX");
    assertThat(decimal(chf, "amountUsd")).isEqualByComparingTo("-12500.00");

    // no GBP rate: no line, the issue names the series it looked for
    assertThat(row(report, boughtInEurope).get("lines").toString())
        .doesNotContain(gbpHedge.toString());
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
    assertThat(decimal(row(report, boughtInEurope), "unrealisedHedges"))
        .isEqualByComparingTo("-62870.00");
  }

  @Test
  void theCsvOfLinesCarriesTheRateAndItsDate() throws Exception {
    final HttpResponse<String> csv =
        get(FX_QUERY + counterparty + "&format=csv&view=lines", "risk");
    assertThat(csv.statusCode()).isEqualTo(200);
    final List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst())
        .endsWith(",explanation,entryCurrency,entryPriceInCurrency,fxRate,fxRateDate,fxSeries");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(boughtInEurope + ",HEDGE,UNREALISED," + eurHedge)
                    .endsWith(",EUR,8700,1.1490,2025-11-05,FX:EUR/USD/PNLFX"));
    final HttpResponse<String> bad = get(FX_QUERY + counterparty + "&fxSource=no-such", "risk");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("fxSource");
  }

  private JsonNode fxReport() throws Exception {
    return json(get(FX_QUERY + counterparty, "risk"), 200);
  }

  private static JsonNode hedgeLine(final JsonNode row, final UUID hedge) {
    for (final JsonNode line : row.get("lines")) {
      if (hedge.toString().equals(line.get("reference").asText())) {
        return line;
      }
    }
    throw new AssertionError("no line of hedge " + hedge + " in " + row);
  }

  /** Records a fill through the API, as the broker's confirmation arrives. */
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

  private JsonNode report(final String query, final String user) throws Exception {
    return json(
        get(
            "/api/reports/pnl?market=" + MARKET + "&counterparty=" + counterparty + "&" + query,
            user),
        200);
  }

  private static JsonNode row(final JsonNode report, final UUID deal) {
    for (final JsonNode row : report.get("rows")) {
      if (row.get("dealId").asText().equals(deal.toString())) {
        return row;
      }
    }
    throw new AssertionError("no row of deal " + deal + " in " + report);
  }

  private static JsonNode line(final JsonNode row, final String source, final String state) {
    for (final JsonNode line : row.get("lines")) {
      if (line.get("source").asText().equals(source) && line.get("state").asText().equals(state)) {
        return line;
      }
    }
    throw new AssertionError("no " + state + " " + source + " line in " + row);
  }

  private static JsonNode issue(final JsonNode report, final String hedgeId) {
    for (final JsonNode issue : report.get("issues")) {
      if (hedgeId.equals(issue.path("hedgeId").asText())) {
        return issue;
      }
    }
    throw new AssertionError("no issue of hedge " + hedgeId + " in " + report);
  }

  private static JsonNode issueOfDeal(final JsonNode report, final UUID deal) {
    for (final JsonNode issue : report.get("issues")) {
      if (deal.toString().equals(issue.path("dealId").asText())) {
        return issue;
      }
    }
    throw new AssertionError("no issue of deal " + deal + " in " + report);
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

  private HttpResponse<String> importPrices(final String csv) throws Exception {
    final String boundary = "----openmineral" + UUID.randomUUID();
    final String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pnl-test.csv\""
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

  private void deal(
      final UUID id,
      final String direction,
      final String quantity,
      final String unit,
      final String moisture,
      final String cuPct,
      final String pricing,
      final String terms,
      final String status,
      final String desk,
      final String capturedAt) {
    final Timestamp at = Timestamp.from(Instant.parse(capturedAt));
    jdbc.update(
        """
        insert into deal (id, counterparty_id, direction, commodity, metal, quantity, quantity_unit,
          moisture_pct, assays, pricing, terms, provisional_pct, value_amount, value_currency, desk,
          status, stage, captured_by, captured_at, updated_at)
        values (?, ?, ?, 'Copper concentrate', 'Cu', ?, ?, ?, cast(? as jsonb), cast(? as jsonb),
          cast(? as jsonb), 90, 1000000, 'USD', ?, ?, ?, 'trader', ?, ?)
        """,
        id,
        counterparty,
        direction,
        new BigDecimal(quantity),
        unit,
        new BigDecimal(moisture),
        "{\"Cu\": {\"value\": " + cuPct + ", \"unit\": \"PCT\"}}",
        pricing,
        terms,
        desk,
        status,
        status,
        at,
        at);
  }

  private UUID hedge(
      final UUID deal,
      final String direction,
      final int lots,
      final String status,
      final String at,
      final String closedAt) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into hedge (id, deal_id, metal, exchange, contract, lots, lot_size, direction, status,
          process_instance_key, created_by_job_key, created_at, closed_at)
        values (?, ?, 'Cu', 'LME', 'LME Copper 3M', ?, 25, ?, ?, 1, ?, ?, ?)
        """,
        id,
        deal.toString(),
        lots,
        direction,
        status,
        jobKey(),
        Timestamp.from(Instant.parse(at)),
        closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)));
    return id;
  }

  private void execution(final UUID hedge, final String price) {
    jdbc.update(
        """
        insert into hedge_execution (hedge_id, price, currency, executed_at, broker_lei,
          recorded_by, recorded_at)
        values (?, ?, 'USD', now(), ?, 'trader', now())
        """,
        hedge,
        new BigDecimal(price),
        BROKER_LEI);
  }

  private void roll(final UUID hedge, final String date, final int lots) {
    jdbc.update(
        """
        insert into hedge_roll (hedge_id, fixing_date, lots_fixed, job_key, recorded_at)
        values (?, ?, ?, ?, now())
        """,
        hedge,
        LocalDate.parse(date),
        lots,
        jobKey());
  }

  private UUID finalInvoice(
      final UUID deal,
      final String tonnes,
      final String price,
      final String amount,
      final String at) {
    final UUID id = UUID.randomUUID();
    final String lines =
        "[{\"kind\": \"PAYABLE\", \"element\": \"Cu\", \"quantity\": "
            + tonnes
            + ", \"unit\": \"T\", \"rate\": "
            + price
            + ", \"rateUnit\": \"USD/t\", \"amount\": "
            + amount
            + "}, {\"kind\": \"TC\", \"element\": null, \"quantity\": 480, \"unit\": \"DMT\","
            + " \"rate\": -80, \"rateUnit\": \"USD/dmt\", \"amount\": -38400.00}]";
    jdbc.update(
        """
        insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency, balance,
          lines, process_instance_key, created_by_job_key, created_at)
        values (?, ?, ?, ?, 'FINAL', ?, 'USD', ?, cast(? as jsonb), 1, ?, ?)
        """,
        id,
        deal.toString(),
        deal.toString(),
        counterparty.toString(),
        new BigDecimal(amount),
        new BigDecimal("1000.00"),
        lines,
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
        Timestamp.from(Instant.parse("2002-06-01T00:00:00Z")));
  }

  private static long jobKey() {
    return ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE);
  }
}
