package org.openmineral.workers.hedging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.hedging.FixedPrice;
import org.openmineral.domain.hedging.LegExposure;
import org.openmineral.domain.hedging.MetalExposure;
import org.openmineral.domain.hedging.PhysicalLeg;
import org.openmineral.domain.hedging.PriceExposure;
import org.openmineral.domain.hedging.QpPricing;
import org.openmineral.domain.hedging.TradingBook;
import org.springframework.stereotype.Component;

/**
 * Job type {@code hedge.exposure}: the flat-price exposure of the deal's physical leg ({@link
 * PriceExposure} of a book holding only that leg).
 *
 * <p>Reads the leg ({@code dealId}, {@code metal}, {@code direction}, {@code payableQuantity},
 * {@code unit}, {@code pricing}, see {@link HedgeLeg}) and {@code asOf} (an ISO date the model
 * computes with the engine's clock). Writes {@code exposure} (signed, long +, at the end of {@code
 * asOf}), {@code exposureWhenPriced} (signed, at the end of the leg's last pricing day: what the
 * hedge covers), {@code unpricedQuantity}, {@code pricedDays}, {@code pricingDays} and {@code
 * pricingDescription}. No side effect: a redelivered job gives the same variables.
 */
@Component
public class HedgeExposureWorker {
  public static final String TYPE = "hedge.exposure";

  /** The variables the job reads. */
  public record Input(
      String dealId,
      String metal,
      String direction,
      BigDecimal payableQuantity,
      String unit,
      Map<String, Object> pricing,
      String asOf) {}

  /** The variables the job writes. */
  public record Output(
      BigDecimal exposure,
      BigDecimal exposureWhenPriced,
      BigDecimal unpricedQuantity,
      int pricedDays,
      int pricingDays,
      String pricingDescription) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {
        "dealId",
        "metal",
        "direction",
        "payableQuantity",
        "unit",
        "pricing",
        "asOf"
      })
  public Output exposure(@VariablesAsType final Input input) {
    final PhysicalLeg leg =
        HedgeLeg.of(
            input.dealId(),
            input.metal(),
            input.direction(),
            input.payableQuantity(),
            input.unit(),
            input.pricing());
    final LocalDate asOf;
    try {
      asOf = HedgeLeg.date(input.asOf(), "asOf");
    } catch (final IllegalArgumentException e) {
      throw HedgeLeg.invalid(e.getMessage());
    }
    final TradingBook book = TradingBook.ofLegs(List.of(leg));
    final MetalExposure today = PriceExposure.of(book, asOf).metal(leg.metal());
    final MetalExposure whenPriced = PriceExposure.of(book, pricingEnd(leg)).metal(leg.metal());
    final LegExposure legToday = today.legs().getFirst();
    return new Output(
        today.flatPrice(),
        whenPriced.flatPrice(),
        legToday.unpricedQuantity(),
        legToday.progress().pricedDays(),
        legToday.progress().totalDays(),
        leg.pricing().describe());
  }

  private static LocalDate pricingEnd(final PhysicalLeg leg) {
    return switch (leg.pricing()) {
      case FixedPrice fixed -> fixed.fixedOn();
      case QpPricing qp -> qp.last();
    };
  }
}
