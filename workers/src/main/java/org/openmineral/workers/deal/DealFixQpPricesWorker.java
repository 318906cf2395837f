package org.openmineral.workers.deal;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Job type {@code deal.fix-qp-prices}: the deal's quotational period has ended (a timer in the
 * model); the final price of its metal is the average of the market price over the QP ({@code
 * pricing.qpStart} to {@code qpEnd}, or the day {@code fixedOn}) in the unit of the provisional
 * price. Without market prices in the window the provisional price stands ({@code finalPriceSource}
 * PROVISIONAL, otherwise MARKET). Publishes {@code qp-priced} to the deal's settlement (correlation
 * key lotId = dealId) with {@code finalPrices}; the message id is per deal, so a redelivered job
 * publishes nothing new while the first message is buffered.
 */
@Component
public class DealFixQpPricesWorker {
  public static final String TYPE = "deal.fix-qp-prices";
  static final Duration MESSAGE_TTL = Duration.ofDays(30);

  private final DealBook deals;
  private final CamundaClient camunda;

  public DealFixQpPricesWorker(final DealBook deals, final CamundaClient camunda) {
    this.deals = deals;
    this.camunda = camunda;
  }

  @JobWorker(
      type = TYPE,
      fetchVariables = {"dealId", "metal", "pricing"})
  public Map<String, Object> fix(
      final ActivatedJob job,
      @Variable(name = "dealId") final String dealId,
      @Variable(name = "metal") final String metal,
      @Variable(name = "pricing") final Map<String, Object> pricing) {
    final String what = "Fixing the QP prices of deal " + dealId;
    DealJobs.required(dealId, "dealId", what);
    DealJobs.required(metal, "metal", what);
    if (pricing == null || !(pricing.get("provisionalPrice") instanceof Map<?, ?> provisional)) {
      throw DealJobs.incident(what, "variable 'pricing.provisionalPrice' is missing");
    }
    final String unit = String.valueOf(provisional.get("unit"));
    final BigDecimal provisionalValue;
    final LocalDate first;
    final LocalDate last;
    try {
      provisionalValue = new BigDecimal(String.valueOf(provisional.get("value")));
      if ("FIXED".equals(pricing.get("basis"))) {
        first = LocalDate.parse(String.valueOf(pricing.get("fixedOn")));
        last = first;
      } else {
        first = LocalDate.parse(String.valueOf(pricing.get("qpStart")));
        last = LocalDate.parse(String.valueOf(pricing.get("qpEnd")));
      }
    } catch (final NumberFormatException | DateTimeParseException e) {
      throw DealJobs.incident(what, "variable 'pricing' cannot be read: " + e.getMessage());
    }
    final Optional<BigDecimal> average;
    try {
      average = deals.averagePrice(metal, unit, first, last);
    } catch (final RuntimeException e) {
      throw DealJobs.retry(what, job.getRetries(), e);
    }
    final BigDecimal price = average.orElse(provisionalValue);
    final Map<String, Object> finalPrices = Map.of(metal, Map.of("value", price, "unit", unit));
    try {
      camunda
          .newPublishMessageCommand()
          .messageName("qp-priced")
          .correlationKey(dealId)
          .messageId("qp-priced:" + dealId)
          .timeToLive(MESSAGE_TTL)
          .variables(Map.of("finalPrices", finalPrices))
          .send()
          .join();
    } catch (final RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        throw DealJobs.retry(what, job.getRetries(), e);
      }
      // published by an earlier delivery of this job
    }
    return Map.of(
        "finalPrices",
        finalPrices,
        "finalPriceSource",
        average.isPresent() ? "MARKET" : "PROVISIONAL");
  }
}
