package org.openmineral.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credit API in the default embedded application, which has no Redis: the JVM lock and the
 * in-JVM domain events stand in.
 */
class CreditReservationApiTest extends ApplicationTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired DomainEvents events;
  @Autowired ApplicationContext context;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theLocalFallbacksServeWithoutRedis() {
    assertThat(events.getClass().getSimpleName()).isEqualTo("LocalDomainEvents");
    assertThat(context.getBeanNamesForType(org.redisson.api.RedissonClient.class)).isEmpty();
  }

  @Test
  void reservesWithinTheHeadroomRefusesBeyondItAndReleases() throws Exception {
    final UUID id = counterparty(jdbc, "1000.00", "USD");
    final List<DomainEvent> heard = new CopyOnWriteArrayList<>();
    try (AutoCloseable subscription = events.subscribe(heard::add)) {
      final HttpResponse<String> first = reserve(id, "600", "USD", "D-1", "trader");
      assertThat(first.statusCode()).isEqualTo(201);
      final JsonNode reservation = json.readTree(first.body());
      assertThat(reservation.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(reservation.get("remainingHeadroom").decimalValue()).isEqualByComparingTo("400");

      final HttpResponse<String> repeat = reserve(id, "600", "USD", "D-1", "trader");
      assertThat(repeat.statusCode()).isEqualTo(200);
      assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(json.readTree(repeat.body()).get("id")).isEqualTo(reservation.get("id"));

      final HttpResponse<String> tooMuch = reserve(id, "400.01", "USD", "D-2", "risk");
      assertThat(tooMuch.statusCode()).isEqualTo(409);
      assertThat(tooMuch.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      final JsonNode problem = json.readTree(tooMuch.body());
      assertThat(problem.get("headroom").decimalValue()).isEqualByComparingTo("400");
      assertThat(problem.get("detail").asText()).contains("headroom USD 400.00");

      assertThat(reserve(id, "600", "USD", "D-1", "trader").statusCode()).isEqualTo(200);
      assertThat(reserve(id, "601", "USD", "D-1", "trader").statusCode()).isEqualTo(422);
      assertThat(reserve(id, "1", "EUR", "D-3", "trader").statusCode()).isEqualTo(400);
      assertThat(reserve(id, "1", "USD", "D-4", "legal").statusCode()).isEqualTo(403);
      assertThat(reserve(id, "-1", "USD", "D-4", "trader").statusCode()).isEqualTo(400);

      final JsonNode credit = json.readTree(get("/api/counterparties/" + id + "/credit").body());
      assertThat(credit.get("reserved").decimalValue()).isEqualByComparingTo("600");
      assertThat(credit.get("headroom").decimalValue()).isEqualByComparingTo("400");
      assertThat(credit.get("lines").get(0).get("ref").asText()).isEqualTo("D-1");

      final HttpResponse<String> released =
          send(
              HttpRequest.newBuilder(
                      url(
                          "/api/counterparties/"
                              + id
                              + "/credit-reservations/"
                              + reservation.get("id").asText()))
                  .header("Authorization", bearer("trader"))
                  .DELETE());
      assertThat(released.statusCode()).isEqualTo(200);
      assertThat(json.readTree(released.body()).get("remainingHeadroom").decimalValue())
          .isEqualByComparingTo("1000");
      assertThat(reserve(id, "1000", "USD", "D-2", "risk").statusCode()).isEqualTo(201);
    }
    assertThat(heard).extracting(DomainEvent::type).contains("credit.reserved", "credit.released");
  }

  @Test
  void openInvoicesAreWhatTheCounterpartyOwesNotWhatWeOweIt() throws Exception {
    final UUID id = counterparty(jdbc, "1000.00", "USD");
    final UUID sale = deal(id, "SELL");
    final UUID purchase = deal(id, "BUY");
    invoice(sale.toString(), id, "300.00");
    final UUID paid = invoice(sale.toString(), id, "200.00");
    jdbc.update(
        "insert into payment (id, invoice_id, amount, message_id, job_key, received_at)"
            + " values (?, ?, 200.00, ?, 1, now())",
        UUID.randomUUID(),
        paid,
        "paid-" + paid);
    // the supplier's invoice of a purchase is ours to pay: no exposure to the supplier
    invoice(purchase.toString(), id, "500.00");
    // a lot settled on its own, of no deal in the book, counts: the buyer is not known to owe less
    invoice("LOT-" + UUID.randomUUID(), id, "100.00");

    final JsonNode credit = json.readTree(get("/api/counterparties/" + id + "/credit").body());
    assertThat(credit.get("openInvoices").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(credit.get("headroom").decimalValue()).isEqualByComparingTo("600.00");
  }

  private UUID deal(final UUID counterparty, final String direction) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into deal (id, counterparty_id, direction, commodity, metal, quantity, quantity_unit,
          moisture_pct, assays, pricing, terms, provisional_pct, value_amount, value_currency, desk,
          status, stage, captured_by, captured_at, updated_at)
        values (?, ?, ?, 'Copper concentrate', 'Cu', 1000, 'WMT', 8, '{}', '{}', '{}', 90, 1000,
          'USD', 'copper', 'CLOSED', 'CLOSED', 'trader', now(), now())
        """,
        id,
        counterparty,
        direction);
    return id;
  }

  private UUID invoice(final String deal, final UUID counterparty, final String balance) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency, balance,
          lines, process_instance_key, created_by_job_key, created_at)
        values (?, ?, ?, ?, 'PROVISIONAL', ?, 'USD', ?, '[]', 1, ?, now())
        """,
        id,
        deal,
        deal,
        counterparty.toString(),
        new BigDecimal(balance),
        new BigDecimal(balance),
        System.nanoTime());
    return id;
  }

  @Test
  void aCounterpartyWithoutALimitHasNoCredit() throws Exception {
    final UUID id = counterparty(jdbc, null, null);
    final HttpResponse<String> response = reserve(id, "1", "USD", "D-1", "trader");
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/no-credit-limit");
    assertThat(get("/api/counterparties/" + UUID.randomUUID() + "/credit").statusCode())
        .isEqualTo(404);
  }

  /** A counterparty row as the API stores it, without starting its onboarding. */
  static UUID counterparty(final JdbcTemplate jdbc, final String limit, final String currency) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into counterparty (id, name, type, country, ownership_disclosed,"
            + " credit_limit_amount, credit_limit_currency, created_at, created_by, updated_at,"
            + " updated_by) values (?, 'Credit Test AG', 'ENTITY', 'CH', true, ?::numeric, ?,"
            + " now(), 'test', now(), 'test')",
        id,
        limit,
        currency);
    return id;
  }

  private HttpResponse<String> reserve(
      final UUID id,
      final String amount,
      final String currency,
      final String dealRef,
      final String user)
      throws Exception {
    return send(
        HttpRequest.newBuilder(url("/api/counterparties/" + id + "/credit-reservations"))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\": "
                        + amount
                        + ", \"currency\": \""
                        + currency
                        + "\", \"dealRef\": \""
                        + dealRef
                        + "\"}")));
  }

  private HttpResponse<String> get(final String path) throws Exception {
    return send(HttpRequest.newBuilder(url(path)).header("Authorization", bearer("auditor")));
  }

  private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
