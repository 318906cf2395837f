package org.openmineral.audit;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmineral.audit.AuditController.ReportFormat;
import org.openmineral.deal.Deal;
import org.openmineral.deal.DealStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit report of a deal: the history of its trade lifecycle instance and every instance it
 * called (hedging, settlement…), with the deal's own activity and the audit log's verification.
 * Auditors and admins see every desk's deals.
 */
@RestController
class DealAuditReportController {
  static final URI CONFLICT = URI.create("https://openmineral.org/problems/conflict");

  private final DealStore deals;
  private final AuditReport report;

  DealAuditReportController(final DealStore deals, final AuditReport report) {
    this.deals = deals;
    this.report = report;
  }

  @GetMapping("/api/deals/{id}/audit-report")
  ResponseEntity<?> auditReport(
      @PathVariable final String id,
      @RequestParam(defaultValue = "html") final String format,
      final Principal principal) {
    final ReportFormat reportFormat = ReportFormat.of(format);
    final Deal deal = deal(id);
    if (deal.processInstanceKey() == null) {
      throw new NoLifecycle(id);
    }
    final String html =
        report
            .html(deal.processInstanceKey(), subject(deal), principal.getName())
            .orElseThrow(() -> new NoLifecycle(id));
    return reportFormat.response(html, "audit-report-deal-" + deal.id());
  }

  private Deal deal(final String id) {
    final UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new UnknownDeal(id);
    }
    return deals.find(uuid).orElseThrow(() -> new UnknownDeal(id));
  }

  private AuditReport.Subject subject(final Deal deal) {
    final List<List<String>> activity =
        deals.activity(deal.id()).stream()
            .map(
                a ->
                    List.of(
                        time(a.at()),
                        a.actor() == null ? "" : a.actor(),
                        a.action(),
                        a.detail() == null || a.detail().isNull() ? "" : a.detail().toString()))
            .toList();
    return new AuditReport.Subject(
        "deal " + deal.id(),
        String.format(
            "Deal %s: %s %s (%s), desk %s, counterparty %s; captured by %s at %s; status %s,"
                + " stage %s. Trade lifecycle instance %d and the instances it called.",
            deal.id(),
            deal.direction(),
            deal.commodity(),
            deal.metal(),
            deal.desk(),
            deal.counterpartyId(),
            deal.capturedBy(),
            time(deal.capturedAt()),
            deal.status(),
            deal.stage(),
            deal.processInstanceKey()),
        "Deal activity (the deal's own record; the process events below are in the hash chain)",
        activity);
  }

  private static String time(final Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  @ExceptionHandler(UnknownDeal.class)
  ProblemDetail unknownDeal(final UnknownDeal e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No deal with id '" + e.id + "'.");
    problem.setType(AuditController.NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("id", e.id);
    return problem;
  }

  @ExceptionHandler(NoLifecycle.class)
  ProblemDetail noLifecycle(final NoLifecycle e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Deal '" + e.id + "' has no trade lifecycle instance in the audit log yet.");
    problem.setType(CONFLICT);
    problem.setTitle("No history yet");
    problem.setProperty("id", e.id);
    return problem;
  }

  static final class UnknownDeal extends RuntimeException {
    private final String id;

    UnknownDeal(final String id) {
      super(null, null, false, false);
      this.id = id;
    }
  }

  static final class NoLifecycle extends RuntimeException {
    private final String id;

    NoLifecycle(final String id) {
      super(null, null, false, false);
      this.id = id;
    }
  }
}
