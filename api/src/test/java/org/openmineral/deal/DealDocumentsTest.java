package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/deals/{id}/documents}: the contract draft legal wrote into the trade lifecycle,
 * the invoices the settlement booked and, for auditors, the audit report, each served at its link;
 * for the deal readers only, desk rules as for the deal.
 */
class DealDocumentsTest extends DealProcessSupport {

  @Test
  void listsTheContractDraftAndTheInvoicesOfADealWithTheLinksThatServeThem() throws Exception {
    // given a deal approved by a second trader whose contract legal drafted by hand
    final String counterparty = approvedCounterparty("Documents Copper SA", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 500, 500_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    final String base = "/api/deals/" + dealId + "/documents";
    assertThat(get("trader", base).body()).as("nothing on paper at capture").isEmpty();
    final long approval = awaitUserTask(instance, "approve-deal");
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    final long draft = awaitUserTask(instance, "draft-contract-manually");
    assertThat(
            complete(
                    "legal",
                    draft,
                    Map.of(
                        "contractReference",
                        "C-DOC-7",
                        "contractSummary",
                        "Standard concentrate terms, CIF Hamburg"))
                .status())
        .isEqualTo(204);
    // and a provisional invoice booked for its lot, as the settlement books it
    final UUID invoice = UUID.randomUUID();
    jdbc.update(
        "insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency,"
            + " balance, lines, process_instance_key, created_by_job_key, created_at)"
            + " values (?, ?, ?, ?, 'PROVISIONAL', 450000.00, 'USD', 450000.00,"
            + " '[{\"label\": \"Payable Cu\"}]', ?, ?, ?)",
        invoice,
        dealId,
        dealId,
        counterparty,
        instance,
        System.nanoTime(),
        Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")));

    // when the trader lists the deal's documents, once the history has the contract
    final JsonNode documents =
        Awaitility.await()
            .atMost(WAIT)
            .until(() -> get("trader", base).body(), d -> d != null && d.size() == 2);

    // then the contract draft and the invoice are there, each with its link
    final List<String> kinds =
        StreamSupport.stream(documents.spliterator(), false)
            .map(d -> d.get("kind").asText())
            .toList();
    assertThat(kinds).containsExactly("CONTRACT_DRAFT", "INVOICE");
    final JsonNode contract = documents.get(0);
    assertThat(contract.get("title").asText()).isEqualTo("Contract draft C-DOC-7");
    assertThat(contract.get("detail").asText())
        .isEqualTo("Standard concentrate terms, CIF Hamburg");
    assertThat(contract.get("href").asText()).isEqualTo(base + "/contract");
    final JsonNode invoiceDocument = documents.get(1);
    assertThat(invoiceDocument.get("title").asText()).isEqualTo("Provisional invoice");
    assertThat(invoiceDocument.get("detail").asText())
        .isEqualTo("450000.00 USD, balance 450000.00 USD, paid 0 USD");
    assertThat(invoiceDocument.get("href").asText()).isEqualTo(base + "/invoices/" + invoice);

    // and the links serve them: the contract as Markdown, the invoice with its lines
    final HttpResponse<String> markdown = raw("trader", contract.get("href").asText());
    assertThat(markdown.statusCode()).isEqualTo(200);
    assertThat(markdown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/markdown");
    assertThat(markdown.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment")
        .contains("contract-C-DOC-7.md");
    assertThat(markdown.body())
        .startsWith("# Contract C-DOC-7")
        .contains("Standard concentrate terms, CIF Hamburg");
    final Answer invoiceAnswer = get("legal", invoiceDocument.get("href").asText());
    assertThat(invoiceAnswer.status()).isEqualTo(200);
    assertThat(invoiceAnswer.body().get("amount").decimalValue())
        .isEqualByComparingTo(new BigDecimal("450000.00"));
    assertThat(invoiceAnswer.body().get("lines").get(0).get("label").asText())
        .isEqualTo("Payable Cu");

    // the auditor also gets the audit report, as HTML and as PDF, which the links serve
    final JsonNode audited = get("auditor", base).body();
    assertThat(audited).hasSize(4);
    assertThat(audited.get(2).get("href").asText())
        .isEqualTo("/api/deals/" + dealId + "/audit-report?format=html");
    final HttpResponse<String> pdf = raw("auditor", audited.get(3).get("href").asText());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
  }

  @Test
  void answersProblemsForWhatDoesNotExistAndRefusesStrangers() throws Exception {
    // given a deal just captured: no contract, no invoice, not closed
    final String counterparty = approvedCounterparty("Documents Zinc SA", 10_000_000);
    final String dealId =
        capture("trader", dealBody(counterparty, 100, 100_000)).get("id").asText();
    final String base = "/api/deals/" + dealId + "/documents";

    // then each missing document is a 404 problem, and so is an unknown deal
    for (final String path :
        List.of(
            base + "/contract",
            base + "/closing-report",
            base + "/invoices/" + UUID.randomUUID(),
            base + "/invoices/not-an-id",
            "/api/deals/" + UUID.randomUUID() + "/documents",
            "/api/deals/not-a-deal/documents")) {
      final Answer answer = get("risk", path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.raw().headers().firstValue("Content-Type").orElseThrow())
          .as(path)
          .startsWith("application/problem+json");
      assertThat(answer.body().get("detail").asText()).as(path).isNotBlank();
    }
    // and without a token nobody reads them
    assertThat(raw(null, base).statusCode()).isEqualTo(401);
  }

  /** The answer as text, for documents that are no JSON; without a user, with no token. */
  private HttpResponse<String> raw(final String user, final String path) throws Exception {
    final HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
    if (user != null) {
      request.header("Authorization", bearer(user));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
