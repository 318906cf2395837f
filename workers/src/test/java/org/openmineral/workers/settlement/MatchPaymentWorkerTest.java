package org.openmineral.workers.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment matcher on its own: which invoice and amount it matches, from the settlement's input
 * mappings or, for instances of settlement versions without them, from the final invoice's
 * variables. The process around it is tested in the application's SettlementProcessTest.
 */
class MatchPaymentWorkerTest {
  private final List<SettlementBooks.NewPayment> recorded = new ArrayList<>();
  private final SettlementBooks books =
      new SettlementBooks() {
        @Override
        public String bookInvoice(final NewInvoice invoice) {
          throw new UnsupportedOperationException();
        }

        @Override
        public PaymentStatus recordPayment(final NewPayment payment) {
          recorded.add(payment);
          return new PaymentStatus(
              true,
              recorded.stream()
                  .filter(p -> p.invoiceId().equals(payment.invoiceId()))
                  .map(SettlementBooks.NewPayment::amount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
      };
  private final MatchPaymentWorker worker = new MatchPaymentWorker(books);

  @Test
  void matchesTheMappedInvoiceAndAmountDue() {
    final Map<String, Object> out =
        worker.match(
            job(7),
            new MatchPaymentWorker.Input(
                "prov-1",
                new BigDecimal("1000.00"),
                "final-1",
                new BigDecimal("250.00"),
                "pay-1",
                new BigDecimal("400.00")));
    assertThat(recorded)
        .extracting(SettlementBooks.NewPayment::invoiceId)
        .containsExactly("prov-1");
    assertThat(recorded.get(0).jobKey()).isEqualTo(7);
    assertThat((BigDecimal) out.get("outstanding")).isEqualByComparingTo("600.00");
    assertThat(out.get("paymentOutcome")).isEqualTo("UNDERPAID");
  }

  @Test
  void anInstanceWithoutTheMappingsPaysItsFinalInvoice() {
    final Map<String, Object> out =
        worker.match(
            job(8),
            new MatchPaymentWorker.Input(
                null, null, "final-1", new BigDecimal("250.00"), "pay-2", new BigDecimal("300")));
    assertThat(recorded)
        .extracting(SettlementBooks.NewPayment::invoiceId)
        .containsExactly("final-1");
    assertThat((BigDecimal) out.get("paidTotal")).isEqualByComparingTo("300");
    assertThat((BigDecimal) out.get("outstanding")).isEqualByComparingTo("-50.00");
    assertThat(out.get("paymentOutcome")).isEqualTo("OVERPAID");
  }

  @Test
  void aMappedInvoiceWithoutItsAmountDueIsAnIncidentNamingIt() {
    assertThatThrownBy(
            () ->
                worker.match(
                    job(9),
                    new MatchPaymentWorker.Input(
                        "prov-1", null, "final-1", new BigDecimal("250"), "pay-3", BigDecimal.TEN)))
        .hasMessageContaining("amountDue");
    assertThat(recorded).isEmpty();
  }

  private static ActivatedJob job(final long key) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            ActivatedJob.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey" -> key;
                  case "getRetries" -> 3;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
