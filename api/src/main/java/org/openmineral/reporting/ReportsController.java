package org.openmineral.reporting;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openmineral.domain.reporting.HedgeTradeReport;
import org.openmineral.domain.risk.RiskInputException;
import org.openmineral.platform.security.Desks;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for managers, risk, compliance and regulators (docs/reporting.md): open positions and
 * hedges, invoice ageing, KYC reviews, the trade report of hedges, throughput, VaR and P&L. Each
 * answers JSON, or its table as CSV or PDF ({@code format=csv}, {@code format=pdf}). Users with a
 * desk see their desk's figures only.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {
  static final URI INVALID_REPORT = URI.create("https://openmineral.org/problems/report-invalid");
  static final int MAX_REVIEW_WINDOW_DAYS = 3660;

  private final PositionsReport positions;
  private final AgeingReport ageing;
  private final KycReviewReport kyc;
  private final HedgeTradesReport hedgeTrades;
  private final ThroughputReport throughput;
  private final VarReport var;
  private final PnlReport pnl;

  ReportsController(
      final PositionsReport positions,
      final AgeingReport ageing,
      final KycReviewReport kyc,
      final HedgeTradesReport hedgeTrades,
      final ThroughputReport throughput,
      final VarReport var,
      final PnlReport pnl) {
    this.positions = positions;
    this.ageing = ageing;
    this.kyc = kyc;
    this.hedgeTrades = hedgeTrades;
    this.throughput = throughput;
    this.var = var;
    this.pnl = pnl;
  }

  /**
   * Realised and unrealised P&L by deal as of {@code asOf} (default today, UTC): realised from the
   * final invoices and the hedge lots closed out from {@code from} (default: since inception) to
   * {@code asOf}, unrealised from the open physical and hedges marked at {@code market}'s USD/t
   * series. Hedges filled in another currency are converted into USD at {@code fxSource}'s FX
   * series (default ECB). Filters: {@code metal}, {@code counterparty}; desk members see their
   * desk's deals. CSV: {@code view=deals} (default) or {@code view=lines}.
   */
  @GetMapping("/pnl")
  ResponseEntity<?> profitAndLoss(
      @RequestParam(required = false) final String asOf,
      @RequestParam(required = false) final String from,
      @RequestParam(required = false) final String metal,
      @RequestParam(required = false) final String counterparty,
      @RequestParam(defaultValue = "WORLD_BANK_PINK_SHEET") final String market,
      @RequestParam(defaultValue = "ECB") final String fxSource,
      @RequestParam(defaultValue = "json") final String format,
      @RequestParam(defaultValue = "deals") final String view,
      final Authentication user) {
    final LocalDate asOfDate = date("asOf", asOf);
    final LocalDate fromDate = from == null || from.isBlank() ? null : date("from", from);
    if (fromDate != null && fromDate.isAfter(asOfDate)) {
      throw new InvalidRequestField("from", "must not be after 'asOf' (" + asOfDate + ")");
    }
    String symbol = null;
    if (metal != null && !metal.isBlank()) {
      try {
        symbol = org.openmineral.domain.units.Element.ofSymbol(metal).symbol();
      } catch (final IllegalArgumentException e) {
        throw new InvalidRequestField("metal", "'" + metal + "' is not an element symbol");
      }
    }
    String counterpartyId = null;
    if (counterparty != null && !counterparty.isBlank()) {
      try {
        counterpartyId = java.util.UUID.fromString(counterparty.trim()).toString();
      } catch (final IllegalArgumentException e) {
        throw new InvalidRequestField("counterparty", "'" + counterparty + "' is not a UUID");
      }
    }
    if (!market.matches("[A-Za-z0-9_]{1,40}")) {
      throw new InvalidRequestField(
          "market", "must be a market code such as WORLD_BANK_PINK_SHEET or LME_CASH");
    }
    if (!fxSource.matches("[A-Za-z0-9_]{1,40}")) {
      throw new InvalidRequestField("fxSource", "must be an FX source code such as ECB");
    }
    if (!"deals".equals(view) && !"lines".equals(view)) {
      throw new InvalidRequestField("view", "must be deals or lines");
    }
    final ReportFormat as = ReportFormat.of(format);
    final PnlReport.Report report =
        pnl.report(
            new PnlReport.Query(
                fromDate,
                asOfDate,
                Desks.of(user),
                symbol,
                counterpartyId,
                market.toUpperCase(java.util.Locale.ROOT),
                fxSource.toUpperCase(java.util.Locale.ROOT)));
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    if ("lines".equals(view)) {
      for (final PnlReport.Row r : report.rows()) {
        for (final org.openmineral.domain.pnl.PnlLine l : r.lines()) {
          rows.add(
              java.util.Arrays.asList(
                  r.dealId(),
                  l.source(),
                  l.state(),
                  l.reference(),
                  l.direction(),
                  l.quantityTonnes(),
                  l.entryPrice(),
                  l.exitPrice(),
                  l.exitPriceDate(),
                  l.exitPriceSource(),
                  l.amountUsd(),
                  l.explanation(),
                  l.entryConversion() == null ? null : l.entryConversion().currency(),
                  l.entryConversion() == null ? null : l.entryConversion().price(),
                  l.entryConversion() == null ? null : l.entryConversion().fxRate(),
                  l.entryConversion() == null ? null : l.entryConversion().fxRateDate(),
                  l.entryConversion() == null ? null : l.entryConversion().fxSeries()));
        }
      }
      return ReportFile.download(
          as,
          "pnl-lines-" + report.asOf(),
          "P&L by deal: lines",
          pnlParameters(report),
          List.of(
              "dealId",
              "source",
              "state",
              "reference",
              "direction",
              "quantityTonnes",
              "entryPrice",
              "exitPrice",
              "exitPriceDate",
              "exitPriceSource",
              "amountUsd",
              "explanation",
              "entryCurrency",
              "entryPriceInCurrency",
              "fxRate",
              "fxRateDate",
              "fxSeries"),
          rows);
    }
    for (final PnlReport.Row r : report.rows()) {
      rows.add(
          java.util.Arrays.asList(
              r.dealId(),
              r.counterpartyId(),
              r.counterpartyName(),
              r.metal(),
              r.direction(),
              r.status(),
              r.realisedPhysical(),
              r.realisedHedges(),
              r.unrealisedPhysical(),
              r.unrealisedHedges(),
              r.realised(),
              r.unrealised(),
              r.total(),
              r.currency()));
    }
    return ReportFile.download(
        as,
        "pnl-" + report.asOf(),
        "P&L by deal",
        pnlParameters(report),
        List.of(
            "dealId",
            "counterpartyId",
            "counterpartyName",
            "metal",
            "direction",
            "status",
            "realisedPhysical",
            "realisedHedges",
            "unrealisedPhysical",
            "unrealisedHedges",
            "realised",
            "unrealised",
            "total",
            "currency"),
        rows,
        new ReportFile.Chart("Total P&L by deal (USD)", "dealId", "total"));
  }

  /**
   * Historical-simulation VaR and expected shortfall of the open book (net tonnes per metal: the
   * positions report's physical and hedges) under the price moves of {@code market}'s USD/t series,
   * at {@code confidence} over {@code horizon} observations of the series (1 = a month for the
   * World Bank's monthly averages).
   */
  @GetMapping("/var")
  ResponseEntity<?> valueAtRisk(
      @RequestParam(defaultValue = "0.99") final String confidence,
      @RequestParam(defaultValue = "1") final String horizon,
      @RequestParam(defaultValue = "WORLD_BANK_PINK_SHEET") final String market,
      @RequestParam(defaultValue = "json") final String format,
      final Authentication user) {
    final ReportFormat as = ReportFormat.of(format);
    final BigDecimal level;
    try {
      level = new BigDecimal(confidence.trim());
    } catch (final NumberFormatException e) {
      throw new InvalidRequestField("confidence", "'" + confidence + "' is not a decimal number");
    }
    if (level.compareTo(new BigDecimal("0.5")) < 0
        || level.compareTo(new BigDecimal("0.999")) > 0) {
      throw new InvalidRequestField("confidence", "must be between 0.5 and 0.999, e.g. 0.99");
    }
    final int observations;
    try {
      observations = Integer.parseInt(horizon.trim());
    } catch (final NumberFormatException e) {
      throw new InvalidRequestField("horizon", "'" + horizon + "' is not a whole number");
    }
    if (observations < 1 || observations > 24) {
      throw new InvalidRequestField("horizon", "must be between 1 and 24 observations");
    }
    if (!market.matches("[A-Za-z0-9_]{1,40}")) {
      throw new InvalidRequestField(
          "market", "must be a market code such as WORLD_BANK_PINK_SHEET or LME_CASH");
    }
    final VarReport.Report report;
    try {
      report =
          var.report(
              Desks.of(user), market.toUpperCase(java.util.Locale.ROOT), level, observations);
    } catch (final RiskInputException e) {
      throw new InvalidRequestField("horizon", e.getMessage());
    }
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    for (final VarReport.Mark m : report.positions()) {
      rows.add(
          java.util.Arrays.asList(
              m.metal(), m.netTonnes(), m.series(), m.priceDate(), m.price(), m.valueUsd()));
    }
    return ReportFile.download(
        as,
        "var-" + report.market(),
        "Value at risk of the open book",
        ReportFile.parameters(
            "market",
            report.market(),
            "confidence",
            report.confidence(),
            "horizon (observations)",
            report.horizon(),
            "desk",
            report.desk(),
            "scenarios",
            report.scenarios(),
            "valueAtRiskUsd",
            report.valueAtRiskUsd(),
            "expectedShortfallUsd",
            report.expectedShortfallUsd()),
        List.of("metal", "netTonnes", "series", "priceDate", "price", "valueUsd"),
        rows);
  }

  /**
   * Process throughput and SLA breaches of the instances and user tasks started from {@code from}
   * (inclusive) to {@code to} (exclusive; UTC dates, default the last 30 days), with open tasks
   * judged against their due dates at {@code asOf} (default now). CSV: {@code view=processes}
   * (default) or {@code view=tasks}.
   */
  @GetMapping("/process-throughput")
  ResponseEntity<?> processThroughput(
      @RequestParam(required = false) final String from,
      @RequestParam(required = false) final String to,
      @RequestParam(required = false) final String asOf,
      @RequestParam(defaultValue = "json") final String format,
      @RequestParam(defaultValue = "processes") final String view) {
    final Period period = Period.of(from, to);
    final LocalDate fromDate = period.from();
    final LocalDate toDate = period.to();
    final Instant at;
    try {
      at =
          asOf == null || asOf.isBlank()
              ? Instant.now()
              : java.time.OffsetDateTime.parse(asOf.trim()).toInstant();
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField("asOf", "'" + asOf + "' is not an ISO 8601 time with zone");
    }
    if (!"processes".equals(view) && !"tasks".equals(view)) {
      throw new InvalidRequestField("view", "must be processes or tasks");
    }
    final ThroughputReport.Report report = throughput.report(period.start(), period.end(), at);
    final ReportFormat as = ReportFormat.of(format);
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    if ("tasks".equals(view)) {
      for (final ThroughputReport.TaskRow r : report.tasks()) {
        rows.add(
            java.util.Arrays.asList(
                r.bpmnProcessId(),
                r.elementId(),
                r.created(),
                r.completed(),
                r.canceled(),
                r.open(),
                r.withDueDate(),
                r.completedLate(),
                r.openOverdue(),
                r.breaches(),
                r.p50HoursToComplete(),
                r.p90HoursToComplete()));
      }
      return ReportFile.download(
          as,
          "task-sla-" + fromDate + "-" + toDate,
          "Task SLAs",
          ReportFile.parameters("from", fromDate, "to (exclusive)", toDate, "asOf", at),
          List.of(
              "bpmnProcessId",
              "elementId",
              "created",
              "completed",
              "canceled",
              "open",
              "withDueDate",
              "completedLate",
              "openOverdue",
              "breaches",
              "p50HoursToComplete",
              "p90HoursToComplete"),
          rows);
    }
    for (final ThroughputReport.ProcessRow r : report.processes()) {
      rows.add(
          java.util.Arrays.asList(
              r.bpmnProcessId(),
              r.started(),
              r.completed(),
              r.terminated(),
              r.active(),
              r.p50Hours(),
              r.p90Hours(),
              r.incidents(),
              r.incidentsResolved()));
    }
    return ReportFile.download(
        as,
        "process-throughput-" + fromDate + "-" + toDate,
        "Process throughput",
        ReportFile.parameters("from", fromDate, "to (exclusive)", toDate, "asOf", at),
        List.of(
            "bpmnProcessId",
            "started",
            "completed",
            "terminated",
            "active",
            "p50Hours",
            "p90Hours",
            "incidents",
            "incidentsResolved"),
        rows);
  }

  @GetMapping("/positions")
  ResponseEntity<?> positions(
      @RequestParam(defaultValue = "json") final String format, final Authentication user) {
    final PositionsReport.Report report = positions.report(Desks.of(user));
    final ReportFormat as = ReportFormat.of(format);
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    for (final PositionsReport.Row r : report.rows()) {
      rows.add(
          java.util.Arrays.asList(
              r.metal(),
              r.counterpartyId(),
              r.counterpartyName(),
              r.deals(),
              r.dryTonnes(),
              r.containedTonnes(),
              r.hedgedTonnes(),
              r.netTonnes(),
              r.hedgeCoveragePct(),
              r.value(),
              r.currency()));
    }
    return ReportFile.download(
        as,
        "positions",
        "Positions and hedges",
        ReportFile.parameters("generated", report.generatedAt(), "desk", report.desk()),
        List.of(
            "metal",
            "counterpartyId",
            "counterpartyName",
            "deals",
            "dryTonnes",
            "containedTonnes",
            "hedgedTonnes",
            "netTonnes",
            "hedgeCoveragePct",
            "value",
            "currency"),
        rows,
        new ReportFile.Chart("Net tonnes by counterparty", "counterpartyName", "netTonnes"));
  }

  @GetMapping("/invoice-ageing")
  ResponseEntity<?> invoiceAgeing(
      @RequestParam(required = false) final String asOf,
      @RequestParam(defaultValue = "json") final String format,
      final Authentication user) {
    final AgeingReport.Report report = ageing.report(date("asOf", asOf), Desks.of(user));
    final ReportFormat as = ReportFormat.of(format);
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    for (final AgeingReport.Row r : report.rows()) {
      rows.add(
          java.util.Arrays.asList(
              r.invoiceId(),
              r.dealId(),
              r.counterpartyId(),
              r.counterpartyName(),
              r.kind(),
              r.side(),
              r.issuedOn(),
              r.ageDays(),
              r.bucket(),
              r.balance(),
              r.paid(),
              r.outstanding(),
              r.currency()));
    }
    return ReportFile.download(
        as,
        "invoice-ageing-" + report.asOf(),
        "Invoice ageing",
        ReportFile.parameters("asOf", report.asOf(), "desk", Desks.of(user)),
        List.of(
            "invoiceId",
            "dealId",
            "counterpartyId",
            "counterpartyName",
            "kind",
            "side",
            "issuedOn",
            "ageDays",
            "bucket",
            "balance",
            "paid",
            "outstanding",
            "currency"),
        rows);
  }

  @GetMapping("/kyc-reviews")
  ResponseEntity<?> kycReviews(
      @RequestParam(required = false) final String asOf,
      @RequestParam(defaultValue = "90") final String withinDays,
      @RequestParam(defaultValue = "json") final String format) {
    final int window;
    try {
      window = Integer.parseInt(withinDays.trim());
    } catch (final NumberFormatException e) {
      throw new InvalidRequestField("withinDays", "'" + withinDays + "' is not a whole number");
    }
    if (window < 0 || window > MAX_REVIEW_WINDOW_DAYS) {
      throw new InvalidRequestField(
          "withinDays", "must be between 0 and " + MAX_REVIEW_WINDOW_DAYS + " days");
    }
    final KycReviewReport.Report report = kyc.report(date("asOf", asOf), window);
    final ReportFormat as = ReportFormat.of(format);
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(report);
    }
    final List<List<Object>> rows = new ArrayList<>();
    for (final KycReviewReport.Review r : report.reviewsDue()) {
      rows.add(
          java.util.Arrays.asList(
              r.counterpartyId(),
              r.name(),
              r.country(),
              r.kycStatus(),
              r.riskRating(),
              r.nextReviewDate(),
              r.daysUntilReview(),
              r.overdue()));
    }
    return ReportFile.download(
        as,
        "kyc-reviews-" + report.asOf(),
        "KYC reviews due",
        ReportFile.parameters("asOf", report.asOf(), "withinDays", window),
        List.of(
            "counterpartyId",
            "name",
            "country",
            "kycStatus",
            "riskRating",
            "nextReviewDate",
            "daysUntilReview",
            "overdue"),
        rows);
  }

  /**
   * The trade report of the hedges booked from {@code from} (inclusive) to {@code to} (exclusive,
   * default tomorrow), UTC dates. JSON shows the complete rows and the issues; CSV is only given
   * when every hedge is complete, else 422 naming each hedge and field.
   */
  @GetMapping("/hedge-trades")
  ResponseEntity<?> hedgeTrades(
      @RequestParam(required = false) final String from,
      @RequestParam(required = false) final String to,
      @RequestParam(defaultValue = "json") final String format,
      final Authentication user) {
    final Period period = Period.of(from, to);
    final LocalDate fromDate = period.from();
    final LocalDate toDate = period.to();
    final HedgeTradeReport.Result result =
        hedgeTrades.report(period.start(), period.end(), Desks.of(user));
    final ReportFormat as = ReportFormat.of(format);
    if (as == ReportFormat.JSON) {
      return ResponseEntity.ok(
          new HedgeTrades(fromDate, toDate, result.valid(), result.rows(), result.issues()));
    }
    if (!result.valid()) {
      final ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNPROCESSABLE_ENTITY,
              result.issues().size()
                  + " mandatory field(s) missing or invalid; the report is not exported until"
                  + " every hedge is complete (see 'issues')");
      problem.setType(INVALID_REPORT);
      problem.setTitle("Report incomplete");
      problem.setProperty("issues", result.issues());
      problem.setProperty("field", result.issues().getFirst().field());
      throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
    }
    final List<List<Object>> rows = new ArrayList<>();
    for (final HedgeTradeReport.Row r : result.rows()) {
      rows.add(
          java.util.Arrays.asList(
              r.uti(),
              r.counterparty1(),
              r.counterparty2(),
              r.direction(),
              r.assetClass(),
              r.contractType(),
              r.venueOfExecution(),
              r.baseProduct(),
              r.subProduct(),
              r.contract(),
              r.price(),
              r.priceCurrency(),
              r.quantity(),
              r.notionalQuantity(),
              r.quantityUnit(),
              r.notionalAmount(),
              r.notionalCurrency(),
              r.executionTimestamp(),
              r.actionType(),
              r.eventType(),
              r.hedgeId(),
              r.dealId()));
    }
    return ReportFile.download(
        as,
        "hedge-trades-" + fromDate + "-" + toDate,
        "Trade report of hedges (EMIR-style)",
        ReportFile.parameters("from", fromDate, "to (exclusive)", toDate, "desk", Desks.of(user)),
        List.of(
            "uti",
            "counterparty1",
            "counterparty2",
            "direction",
            "assetClass",
            "contractType",
            "venueOfExecution",
            "baseProduct",
            "subProduct",
            "contract",
            "price",
            "priceCurrency",
            "quantity",
            "notionalQuantity",
            "quantityUnit",
            "notionalAmount",
            "notionalCurrency",
            "executionTimestamp",
            "actionType",
            "eventType",
            "hedgeId",
            "dealId"),
        rows);
  }

  private static java.util.Map<String, Object> pnlParameters(final PnlReport.Report report) {
    return ReportFile.parameters(
        "from",
        report.from() == null ? "inception" : report.from(),
        "asOf",
        report.asOf(),
        "market",
        report.market(),
        "fxSource",
        report.fxSource(),
        "desk",
        report.desk(),
        "realised",
        report.realised(),
        "unrealised",
        report.unrealised(),
        "total",
        report.total(),
        "currency",
        report.currency(),
        "issues",
        report.issues().size());
  }

  record HedgeTrades(
      LocalDate from,
      LocalDate to,
      boolean valid,
      List<HedgeTradeReport.Row> rows,
      List<HedgeTradeReport.Issue> issues) {}

  /**
   * The UTC dates a report covers, {@code from} inclusive to {@code to} exclusive: by default the
   * 30 days up to and including today.
   */
  record Period(LocalDate from, LocalDate to) {
    static Period of(final String from, final String to) {
      final LocalDate toDate =
          to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC).plusDays(1) : date("to", to);
      final LocalDate fromDate =
          from == null || from.isBlank() ? toDate.minusDays(30) : date("from", from);
      if (!fromDate.isBefore(toDate)) {
        throw new InvalidRequestField("to", "must be after 'from' (" + fromDate + ")");
      }
      return new Period(fromDate, toDate);
    }

    Instant start() {
      return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
      return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private static LocalDate date(final String field, final String value) {
    if (value == null || value.isBlank()) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    final LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField(field, "'" + value + "' is not a date YYYY-MM-DD");
    }
    if (date.getYear() < 1900 || date.getYear() > 9000) {
      throw new InvalidRequestField(field, "must lie between the years 1900 and 9000");
    }
    return date;
  }
}
