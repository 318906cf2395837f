package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.workers.settlement.SettlementVariables;
import org.openmineral.workers.settlement.SettlementVariables.Terms;

/**
 * The deal API's request bodies and their validation: every error names the JSON field as the
 * client wrote it ({@code quantity.value}, {@code assays.Cu.unit}, {@code terms.payables[0]...}).
 */
final class DealRequests {
  static final int MAX_TEXT = 200;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

  private DealRequests() {}

  /** {@code {"value": 5000, "unit": "WMT"}}, an assay {@code {"value": 25, "unit": "PCT"}}. */
  record Figure(BigDecimal value, String unit) {}

  /** {@code {"amount": 10000000, "currency": "USD"}}. */
  record MoneyInput(BigDecimal amount, String currency) {}

  /**
   * {@code {"basis": "QP", "qpStart": "2026-03-02", "qpEnd": "2026-03-31", "provisionalPrice":
   * {"value": 9000, "unit": "USD_PER_T"}}} or {@code {"basis": "FIXED", "fixedOn": ...}}.
   */
  record PricingInput(
      String basis, String qpStart, String qpEnd, String fixedOn, Figure provisionalPrice) {}

  record CaptureRequest(
      String counterpartyId,
      String direction,
      String commodity,
      String metal,
      Figure quantity,
      BigDecimal moisturePct,
      Map<String, Figure> assays,
      PricingInput pricing,
      Terms terms,
      BigDecimal provisionalPct,
      MoneyInput value,
      String desk,
      String logisticsDeadline,
      String requestId) {}

  /** Amendment: fields given replace the deal's; absent ones are kept. */
  record AmendRequest(
      Figure quantity,
      BigDecimal moisturePct,
      Map<String, Figure> assays,
      PricingInput pricing,
      Terms terms,
      BigDecimal provisionalPct,
      MoneyInput value,
      String logisticsDeadline,
      Long version) {}

  record CancelRequest(String reason, Long version) {}

  /** A business event's data; which fields count depends on the event (docs/deals.md). */
  record EventRequest(
      String eventId,
      String vesselName,
      String imo,
      String laycanStart,
      String laycanEnd,
      String billOfLadingNumber,
      String issuedOn,
      BigDecimal quantityWmt,
      String port,
      String arrivedOn,
      Map<String, Figure> sellerAssays,
      Map<String, Figure> buyerAssays,
      BigDecimal finalWetTonnes,
      BigDecimal finalMoisturePct,
      BigDecimal amount,
      String currency,
      String invoice) {}

  /** The invoices of a lot a payment may be matched to ({@code invoice} of a payment event). */
  enum InvoiceKind {
    PROVISIONAL,
    FINAL
  }

  /** The variable of a payment event that names the invoice paid; not sent to the process. */
  static final String INVOICE_PAID = "invoice";

  /** The fixed part of a captured deal. */
  record Parties(UUID counterpartyId, String direction, String commodity, String metal) {}

  static Parties parties(final CaptureRequest r) {
    final UUID counterparty =
        uuid(required(r.counterpartyId(), "counterpartyId"), "counterpartyId");
    final String direction = upper(required(r.direction(), "direction"));
    if (!direction.equals("BUY") && !direction.equals("SELL")) {
      throw new InvalidRequestField(
          "direction", "must be BUY or SELL; was '" + r.direction() + "'");
    }
    final String commodity = text(required(r.commodity(), "commodity"), "commodity");
    final String metal = element(required(r.metal(), "metal"), "metal").symbol();
    return new Parties(counterparty, direction, commodity, metal);
  }

  /** Validates the amendable terms of a capture. */
  static DealTerms terms(final CaptureRequest r, final String metal, final ObjectMapper json) {
    return terms(
        r.quantity(),
        r.moisturePct(),
        r.assays(),
        r.pricing(),
        r.terms(),
        r.provisionalPct(),
        r.value(),
        r.logisticsDeadline(),
        metal,
        json);
  }

  /** The deal's terms with the amendment's fields replacing them, validated as a whole. */
  static DealTerms amended(final Deal deal, final AmendRequest r, final ObjectMapper json) {
    final DealTerms t = deal.terms();
    try {
      return terms(
          r.quantity() != null ? r.quantity() : new Figure(t.quantity(), t.quantityUnit()),
          r.moisturePct() != null ? r.moisturePct() : t.moisturePct(),
          r.assays() != null ? r.assays() : json.convertValue(t.assays(), ASSAYS),
          r.pricing() != null ? r.pricing() : json.treeToValue(t.pricing(), PricingInput.class),
          r.terms() != null ? r.terms() : json.treeToValue(t.terms(), Terms.class),
          r.provisionalPct() != null ? r.provisionalPct() : t.provisionalPct(),
          r.value() != null ? r.value() : new MoneyInput(t.valueAmount(), t.valueCurrency()),
          r.logisticsDeadline() != null ? r.logisticsDeadline() : t.logisticsDeadline(),
          deal.metal(),
          json);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored terms of deal " + deal.id() + " cannot be read", e);
    }
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Figure>> ASSAYS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static DealTerms terms(
      final Figure quantity,
      final BigDecimal moisture,
      final Map<String, Figure> assays,
      final PricingInput pricing,
      final Terms terms,
      final BigDecimal provisionalPct,
      final MoneyInput value,
      final String logisticsDeadline,
      final String metal,
      final ObjectMapper json) {
    required(quantity, "quantity");
    final BigDecimal amount = positive(quantity.value(), "quantity.value", 3);
    final String unit = upper(required(quantity.unit(), "quantity.unit"));
    if (!unit.equals("WMT") && !unit.equals("DMT")) {
      throw new InvalidRequestField(
          "quantity.unit",
          "must be WMT (wet metric tonnes) or DMT (dry); was '" + quantity.unit() + "'");
    }
    final BigDecimal moisturePct =
        moisture == null ? BigDecimal.ZERO : scaled(moisture, "moisturePct", 4);
    if (moisturePct.signum() < 0 || moisturePct.compareTo(new BigDecimal("100")) >= 0) {
      throw new InvalidRequestField("moisturePct", "must be from 0 to less than 100");
    }
    final ObjectNode assayNode = json.createObjectNode();
    if (assays == null || assays.isEmpty()) {
      throw new InvalidRequestField("assays", "is required: at least the metal's assay");
    }
    if (assays.size() > 30) {
      throw new InvalidRequestField("assays", "has more than 30 elements");
    }
    for (final Map.Entry<String, Figure> a : assays.entrySet()) {
      final String field = "assays." + a.getKey();
      final Element element = element(a.getKey(), field);
      required(a.getValue(), field);
      final BigDecimal v =
          scaled(required(a.getValue().value(), field + ".value"), field + ".value", 6);
      if (v.signum() < 0) {
        throw new InvalidRequestField(field + ".value", "must not be negative");
      }
      final AssayUnit u = enumValue(AssayUnit.class, a.getValue().unit(), field + ".unit");
      assayNode.set(
          element.symbol(), json.createObjectNode().put("value", v).put("unit", u.name()));
    }
    if (!assayNode.has(metal)) {
      throw new InvalidRequestField("assays", "has no assay of the deal's metal " + metal);
    }
    final ObjectNode pricingNode = pricing(pricing, json);
    required(terms, "terms");
    final JsonNode termsNode = json.valueToTree(terms);
    try {
      SettlementVariables.checkTerms(terms);
    } catch (final SettlementVariables.InvalidSettlementInput e) {
      final String message = e.getMessage();
      final String field = message.replaceFirst("^variable '([^']+)'.*$", "$1");
      throw new InvalidRequestField(field.equals(message) ? "terms" : field, message);
    } catch (final RuntimeException e) {
      throw new InvalidRequestField("terms", String.valueOf(e.getMessage()));
    }
    final boolean payable =
        terms.payables().stream().anyMatch(p -> p != null && metal.equals(p.element()));
    if (!payable) {
      throw new InvalidRequestField(
          "terms.payables", "has no payable term for the deal's metal " + metal);
    }
    final BigDecimal share =
        provisionalPct == null
            ? new BigDecimal("100")
            : scaled(provisionalPct, "provisionalPct", 4);
    if (share.signum() <= 0 || share.compareTo(new BigDecimal("100")) > 0) {
      throw new InvalidRequestField("provisionalPct", "must be more than 0 and at most 100");
    }
    required(value, "value");
    final BigDecimal valueAmount = positive(value.amount(), "value.amount", 2);
    final String currency = currency(value.currency(), "value.currency");
    final String deadline = logisticsDeadline == null ? "P60D" : duration(logisticsDeadline);
    return new DealTerms(
        amount,
        unit,
        moisturePct,
        assayNode,
        pricingNode,
        termsNode,
        share,
        valueAmount,
        currency,
        deadline);
  }

  private static ObjectNode pricing(final PricingInput p, final ObjectMapper json) {
    required(p, "pricing");
    final String basis = upper(required(p.basis(), "pricing.basis"));
    final ObjectNode node = json.createObjectNode().put("basis", basis);
    switch (basis) {
      case "QP" -> {
        final LocalDate start = date(required(p.qpStart(), "pricing.qpStart"), "pricing.qpStart");
        final LocalDate end = date(required(p.qpEnd(), "pricing.qpEnd"), "pricing.qpEnd");
        if (end.isBefore(start)) {
          throw new InvalidRequestField("pricing.qpEnd", "is before pricing.qpStart");
        }
        node.put("qpStart", start.toString()).put("qpEnd", end.toString());
      }
      case "FIXED" ->
          node.put(
              "fixedOn",
              date(required(p.fixedOn(), "pricing.fixedOn"), "pricing.fixedOn").toString());
      default ->
          throw new InvalidRequestField(
              "pricing.basis", "must be QP or FIXED; was '" + p.basis() + "'");
    }
    required(p.provisionalPrice(), "pricing.provisionalPrice");
    final BigDecimal price =
        positive(p.provisionalPrice().value(), "pricing.provisionalPrice.value", 6);
    final PriceUnit unit =
        enumValue(PriceUnit.class, p.provisionalPrice().unit(), "pricing.provisionalPrice.unit");
    node.set(
        "provisionalPrice", json.createObjectNode().put("value", price).put("unit", unit.name()));
    return node;
  }

  /** The event's variables for the process; required fields per event. */
  static Map<String, Object> eventVariables(final String event, final EventRequest r) {
    final Map<String, Object> v = new LinkedHashMap<>();
    final EventRequest e =
        r == null
            ? new EventRequest(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null)
            : r;
    switch (event) {
      case "vessel-nominated" -> {
        v.put("vesselName", text(required(e.vesselName(), "vesselName"), "vesselName"));
        if (e.imo() != null) {
          if (!e.imo().matches("\\d{7}")) {
            throw new InvalidRequestField("imo", "must be the vessel's 7-digit IMO number");
          }
          v.put("vesselImo", e.imo());
        }
        if (e.laycanStart() != null) {
          v.put("laycanStart", date(e.laycanStart(), "laycanStart").toString());
        }
        if (e.laycanEnd() != null) {
          v.put("laycanEnd", date(e.laycanEnd(), "laycanEnd").toString());
        }
      }
      case "bill-of-lading-issued" -> {
        v.put(
            "billOfLadingNumber",
            text(required(e.billOfLadingNumber(), "billOfLadingNumber"), "billOfLadingNumber"));
        if (e.issuedOn() != null) {
          v.put("billOfLadingDate", date(e.issuedOn(), "issuedOn").toString());
        }
        if (e.quantityWmt() != null) {
          v.put("billOfLadingWmt", positive(e.quantityWmt(), "quantityWmt", 3));
        }
      }
      case "arrived" -> {
        if (e.port() != null) {
          v.put("arrivalPort", text(e.port(), "port"));
        }
        if (e.arrivedOn() != null) {
          v.put("arrivedOn", date(e.arrivedOn(), "arrivedOn").toString());
        }
      }
      case "assays-received" -> {
        v.put("sellerAssays", assays(e.sellerAssays(), "sellerAssays"));
        v.put("buyerAssays", assays(e.buyerAssays(), "buyerAssays"));
        if (e.finalWetTonnes() != null) {
          v.put("finalWetTonnes", positive(e.finalWetTonnes(), "finalWetTonnes", 3));
        }
        if (e.finalMoisturePct() != null) {
          final BigDecimal m = scaled(e.finalMoisturePct(), "finalMoisturePct", 4);
          if (m.signum() < 0 || m.compareTo(new BigDecimal("100")) >= 0) {
            throw new InvalidRequestField("finalMoisturePct", "must be from 0 to less than 100");
          }
          v.put("finalMoisturePct", m);
        }
      }
      case "payment-received" -> {
        v.put("paymentAmount", positive(e.amount(), "amount", 2));
        if (e.currency() != null && !"USD".equals(currency(e.currency(), "currency"))) {
          throw new InvalidRequestField(
              "currency", "settlement is in USD; was '" + e.currency() + "'");
        }
        v.put(
            INVOICE_PAID,
            e.invoice() == null
                ? InvoiceKind.FINAL.name()
                : enumValue(InvoiceKind.class, e.invoice(), "invoice").name());
      }
      default -> throw new IllegalArgumentException(event);
    }
    return v;
  }

  private static Map<String, Object> assays(final Map<String, Figure> assays, final String field) {
    if (assays == null || assays.isEmpty()) {
      throw new InvalidRequestField(field, "is required: element symbol to {value, unit}");
    }
    if (assays.size() > 30) {
      throw new InvalidRequestField(field, "has more than 30 elements");
    }
    final Map<String, Object> out = new LinkedHashMap<>();
    for (final Map.Entry<String, Figure> a : assays.entrySet()) {
      final String f = field + "." + a.getKey();
      final Element element = element(a.getKey(), f);
      required(a.getValue(), f);
      final BigDecimal value =
          scaled(required(a.getValue().value(), f + ".value"), f + ".value", 6);
      if (value.signum() < 0) {
        throw new InvalidRequestField(f + ".value", "must not be negative");
      }
      out.put(
          element.symbol(),
          Map.of(
              "value",
              value,
              "unit",
              enumValue(AssayUnit.class, a.getValue().unit(), f + ".unit").name()));
    }
    return out;
  }

  static <T> T required(final T value, final String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new InvalidRequestField(field, "is required");
    }
    return value;
  }

  static UUID uuid(final String value, final String field) {
    try {
      return UUID.fromString(value.trim());
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField(field, "'" + value + "' is not a UUID");
    }
  }

  private static String upper(final String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  static String text(final String value, final String field) {
    final String t = value.trim();
    if (t.isEmpty()) {
      throw new InvalidRequestField(field, "must not be empty");
    }
    if (t.length() > MAX_TEXT) {
      throw new InvalidRequestField(field, "is longer than " + MAX_TEXT + " characters");
    }
    return t;
  }

  private static Element element(final String symbol, final String field) {
    try {
      return Element.ofSymbol(symbol.trim());
    } catch (final RuntimeException e) {
      throw new InvalidRequestField(
          field, "'" + symbol + "' is not an element symbol (Cu, Zn, Au, ...)");
    }
  }

  private static <E extends Enum<E>> E enumValue(
      final Class<E> type, final String value, final String field) {
    required(value, field);
    try {
      return Enum.valueOf(type, upper(value));
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField(
          field,
          "must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + "; was '"
              + value
              + "'");
    }
  }

  private static BigDecimal scaled(final BigDecimal value, final String field, final int scale) {
    if (value.abs().compareTo(MAX_AMOUNT) >= 0) {
      throw new InvalidRequestField(field, "is too large");
    }
    if (value.stripTrailingZeros().scale() > scale) {
      throw new InvalidRequestField(field, "has more than " + scale + " decimals");
    }
    return value.setScale(
        Math.max(0, Math.min(scale, value.stripTrailingZeros().scale())), RoundingMode.UNNECESSARY);
  }

  static BigDecimal positive(final BigDecimal value, final String field, final int scale) {
    final BigDecimal v = scaled(required(value, field), field, scale);
    if (v.signum() <= 0) {
      throw new InvalidRequestField(field, "must be positive");
    }
    return v;
  }

  private static LocalDate date(final String value, final String field) {
    try {
      return LocalDate.parse(value.trim());
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField(field, "'" + value + "' is not an ISO date (2026-03-31)");
    }
  }

  static String currency(final String value, final String field) {
    final String code = upper(required(value, field));
    try {
      if (code.length() == 3 && Currency.getInstance(code) != null) {
        return code;
      }
    } catch (final IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidRequestField(field, "'" + value + "' is not an ISO 4217 currency code");
  }

  private static String duration(final String value) {
    final String v = value.trim().toUpperCase(Locale.ROOT);
    try {
      if (v.contains("T")) {
        final Duration d = Duration.parse(v);
        if (!d.isNegative() && !d.isZero() && d.toDays() <= 3660) {
          return v;
        }
      } else {
        final Period p = Period.parse(v);
        if (!p.isNegative() && !p.isZero() && p.toTotalMonths() * 31 + p.getDays() <= 3660) {
          return v;
        }
      }
    } catch (final DateTimeParseException | ArithmeticException e) {
      // answered below
    }
    throw new InvalidRequestField(
        "logisticsDeadline",
        "must be a positive ISO 8601 duration of at most ten years (P60D); was '" + value + "'");
  }
}
