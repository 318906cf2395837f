package org.openmineral.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/invoices?dealId=}: the invoices booked for a lot with what was paid, for the deal
 * readers, and for users with a desk only those of their desk's deals.
 */
class InvoiceApiTest extends ApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;

  @Test
  void listsADealsInvoicesWithTheirPaymentsToTheDealReaders() throws Exception {
    // given a provisional invoice, booked as the settlement worker books it, and a part payment
    final String dealId = "lot-" + UUID.randomUUID();
    final UUID invoice = UUID.randomUUID();
    jdbc.update(
        "insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency,"
            + " balance, lines, process_instance_key, created_by_job_key, created_at)"
            + " values (?, ?, ?, 'cp-1', 'PROVISIONAL', 1800000.00, 'USD', 1800000.00, '[]', 1, ?,"
            + " ?)",
        invoice,
        dealId,
        dealId,
        System.nanoTime(),
        Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")));
    jdbc.update(
        "insert into payment (id, invoice_id, amount, message_id, job_key, received_at)"
            + " values (?, ?, 600000.00, ?, 1, now())",
        UUID.randomUUID(),
        invoice,
        "payment:" + invoice);

    // when risk (no desk) reads the deal's invoices
    final HttpResponse<String> risk = get("/api/invoices?dealId=" + dealId, "risk");

    // then the invoice is there with what was paid against it and what is still open
    assertThat(risk.statusCode()).as(risk.body()).isEqualTo(200);
    final JsonNode invoices = JSON.readTree(risk.body());
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).get("id").asText()).isEqualTo(invoice.toString());
    assertThat(invoices.get(0).get("kind").asText()).isEqualTo("PROVISIONAL");
    assertThat(invoices.get(0).get("balance").decimalValue())
        .isEqualByComparingTo(new BigDecimal("1800000.00"));
    assertThat(invoices.get(0).get("paid").decimalValue())
        .isEqualByComparingTo(new BigDecimal("600000.00"));
    assertThat(invoices.get(0).get("outstanding").decimalValue())
        .isEqualByComparingTo(new BigDecimal("1200000.00"));

    // a trader of the base-metals desk does not see invoices of lots outside their desk's deals
    assertThat(JSON.readTree(get("/api/invoices?dealId=" + dealId, "trader").body())).isEmpty();
    // and nobody reads them without a token
    assertThat(get("/api/invoices?dealId=" + dealId, null).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(final String path, final String user) throws Exception {
    final HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
    if (user != null) {
      request.header("Authorization", bearer(user));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
