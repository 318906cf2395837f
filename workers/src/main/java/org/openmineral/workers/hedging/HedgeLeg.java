package org.openmineral.workers.hedging;

import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.openmineral.domain.hedging.Direction;
import org.openmineral.domain.hedging.FixedPrice;
import org.openmineral.domain.hedging.PhysicalLeg;
import org.openmineral.domain.hedging.Pricing;
import org.openmineral.domain.hedging.QpPricing;
import org.openmineral.domain.hedging.QuantityUnit;
import org.openmineral.domain.units.Element;

/**
 * The physical leg the hedging process carries, read from its variables: {@code dealId}, {@code
 * metal} (symbol, e.g. {@code Cu}), {@code direction} (PURCHASE or SALE), {@code payableQuantity},
 * {@code unit} (TONNE or TROY_OUNCE) and {@code pricing}: {@code {"type": "FIXED", "fixedOn":
 * "2026-03-02"}} or {@code {"type": "QP", "firstDay": "2026-03-02", "lastDay": "2026-03-31"}}.
 * Invalid variables fail the job without retries: an incident for a person to correct them.
 */
final class HedgeLeg {
  private HedgeLeg() {}

  static PhysicalLeg of(
      final String dealId,
      final String metal,
      final String direction,
      final BigDecimal payableQuantity,
      final String unit,
      final Map<String, Object> pricing) {
    if (dealId == null || dealId.isBlank()) {
      throw invalid("variable 'dealId' is missing or blank");
    }
    if (payableQuantity == null) {
      throw invalid("variable 'payableQuantity' is missing");
    }
    try {
      return new PhysicalLeg(
          dealId,
          Direction.valueOf(upper(direction, "direction")),
          Element.ofSymbol(required(metal, "metal").trim()),
          payableQuantity,
          QuantityUnit.valueOf(upper(unit, "unit")),
          pricing(pricing));
    } catch (final IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  static Pricing pricing(final Map<String, Object> pricing) {
    if (pricing == null) {
      throw invalid("variable 'pricing' is missing");
    }
    final String type = upper((String) pricing.get("type"), "pricing.type");
    return switch (type) {
      case "FIXED" -> new FixedPrice(date(pricing.get("fixedOn"), "pricing.fixedOn"));
      case "QP" ->
          QpPricing.between(
              date(pricing.get("firstDay"), "pricing.firstDay"),
              date(pricing.get("lastDay"), "pricing.lastDay"));
      default ->
          throw new IllegalArgumentException(
              "'pricing.type' must be FIXED or QP, got '" + type + "'");
    };
  }

  static LocalDate date(final Object value, final String name) {
    try {
      return LocalDate.parse(required(value == null ? null : value.toString(), name));
    } catch (final DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' is not an ISO date: '" + value + "'");
    }
  }

  private static String upper(final String value, final String name) {
    return required(value, name).trim().toUpperCase(Locale.ROOT);
  }

  private static String required(final String value, final String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + name + "' is missing or blank");
    }
    return value;
  }

  static RuntimeException invalid(final String reason) {
    return CamundaError.jobError(
        "Invalid hedging input: " + reason, Map.of(), 0, Duration.ZERO, null);
  }
}
