package org.openmineral.deal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmineral.deal.DealProblems.NoDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deal's documents: {@code GET /api/deals/{id}/documents} lists what exists (the contract draft,
 * the invoices, the closing report, and for auditors and admins the audit report as HTML and PDF),
 * each with the link that serves it. The deal readers may read them, desk members only their desk's
 * deals' (as for the deal itself). Documented in docs/deals.md.
 */
@RestController
@RequestMapping(DealController.PATH + "/{id}/documents")
class DealDocumentController {
  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

  /** Who may read the audit report (as {@code /api/deals/{id}/audit-report} is configured). */
  private static final Set<String> AUDIT_AUTHORITIES = Set.of("ROLE_AUDITOR", "ROLE_ADMIN");

  private final DealService service;
  private final DealDocuments documents;

  DealDocumentController(final DealService service, final DealDocuments documents) {
    this.service = service;
    this.documents = documents;
  }

  /**
   * @param id stable within the deal: {@code contract}, {@code invoice-<id>}, {@code
   *     closing-report}, {@code audit-report-html}, {@code audit-report-pdf}
   * @param kind CONTRACT_DRAFT, INVOICE, CLOSING_REPORT, AUDIT_REPORT
   * @param detail one line about it (the reference, the invoice's amount and balance)
   * @param at when it was last written; null for the audit report, made when it is read
   * @param href where to get it, with the caller's bearer token
   */
  record DealDocument(
      String id,
      String kind,
      String title,
      String detail,
      String mediaType,
      Instant at,
      String href) {}

  @GetMapping
  List<DealDocument> list(@PathVariable final String id, final Authentication user) {
    final Deal deal = visible(id, user);
    final String base = DealController.PATH + "/" + deal.id() + "/documents";
    final List<DealDocument> list = new ArrayList<>();
    documents
        .contract(deal)
        .ifPresent(
            c ->
                list.add(
                    new DealDocument(
                        "contract",
                        "CONTRACT_DRAFT",
                        "Contract draft" + (c.reference() == null ? "" : " " + c.reference()),
                        c.summary(),
                        MARKDOWN.toString(),
                        c.writtenAt(),
                        base + "/contract")));
    for (final DealDocuments.Invoice invoice : documents.invoices(deal)) {
      list.add(
          new DealDocument(
              "invoice-" + invoice.id(),
              "INVOICE",
              title(invoice.kind()) + " invoice",
              amount(invoice.amount(), invoice.currency())
                  + ", balance "
                  + amount(invoice.balance(), invoice.currency())
                  + ", paid "
                  + amount(invoice.paid(), invoice.currency()),
              MediaType.APPLICATION_JSON_VALUE,
              invoice.createdAt(),
              base + "/invoices/" + invoice.id()));
    }
    if (deal.report() != null && !deal.report().isNull()) {
      list.add(
          new DealDocument(
              "closing-report",
              "CLOSING_REPORT",
              "Closing report",
              "terms, invoices with payments, hedges and events at closing",
              MediaType.APPLICATION_JSON_VALUE,
              deal.closedAt(),
              base + "/closing-report"));
    }
    if (deal.processInstanceKey() != null && auditor(user)) {
      final String report = DealController.PATH + "/" + deal.id() + "/audit-report";
      list.add(
          new DealDocument(
              "audit-report-html",
              "AUDIT_REPORT",
              "Audit report (HTML)",
              "the lifecycle's history, the instances it called, the audit chain verified",
              MediaType.TEXT_HTML_VALUE,
              null,
              report + "?format=html"));
      list.add(
          new DealDocument(
              "audit-report-pdf",
              "AUDIT_REPORT",
              "Audit report (PDF)",
              "the same as a PDF",
              MediaType.APPLICATION_PDF_VALUE,
              null,
              report + "?format=pdf"));
    }
    return list;
  }

  @GetMapping("/contract")
  ResponseEntity<String> contract(@PathVariable final String id, final Authentication user) {
    final Deal deal = visible(id, user);
    final DealDocuments.Contract contract =
        documents
            .contract(deal)
            .orElseThrow(() -> new NoDocument("Deal " + id + " has no contract draft yet."));
    final String name =
        "contract-" + (contract.reference() == null ? deal.id() : contract.reference()) + ".md";
    return ResponseEntity.ok()
        .contentType(MARKDOWN)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
        .body(contract.markdown(deal));
  }

  @GetMapping("/invoices/{invoiceId}")
  ResponseEntity<DealDocuments.Invoice> invoice(
      @PathVariable final String id,
      @PathVariable final String invoiceId,
      final Authentication user) {
    final Deal deal = visible(id, user);
    final DealDocuments.Invoice invoice =
        documents.invoices(deal).stream()
            .filter(i -> i.id().toString().equalsIgnoreCase(invoiceId))
            .findFirst()
            .orElseThrow(
                () -> new NoDocument("Deal " + id + " has no invoice '" + invoiceId + "'."));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            attachment("invoice-" + invoice.kind().toLowerCase() + "-" + invoice.id() + ".json"))
        .body(invoice);
  }

  @GetMapping("/closing-report")
  ResponseEntity<Object> closingReport(@PathVariable final String id, final Authentication user) {
    final Deal deal = visible(id, user);
    if (deal.report() == null || deal.report().isNull()) {
      throw new NoDocument("Deal " + id + " has no closing report: it is not closed.");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION, attachment("closing-report-" + deal.id() + ".json"))
        .body(deal.report());
  }

  private Deal visible(final String id, final Authentication user) {
    return DealController.visible(service, id, user);
  }

  private static boolean auditor(final Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(AUDIT_AUTHORITIES::contains);
  }

  private static String attachment(final String fileName) {
    return ContentDisposition.attachment()
        .filename(fileName, StandardCharsets.UTF_8)
        .build()
        .toString();
  }

  private static String title(final String kind) {
    return kind.isEmpty() ? kind : kind.charAt(0) + kind.substring(1).toLowerCase();
  }

  private static String amount(final BigDecimal value, final String currency) {
    return value.toPlainString() + " " + currency;
  }
}
