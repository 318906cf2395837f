package org.openmineral.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmineral.credit.CreditProblems.NotFound;
import org.openmineral.domain.credit.CreditHeadroom;
import org.openmineral.domain.units.Money;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counterparty's credit headroom, and reservations of it for deals being captured: {@code POST}
 * reserves (201, or 409 naming the headroom when the amount does not fit), {@code DELETE} releases
 * (the deal was cancelled).
 */
@RestController
@RequestMapping(CreditController.PATH)
class CreditController {
  static final String PATH = "/api/counterparties/{id}";
  static final String RESERVATIONS = "/credit-reservations";

  private final CreditReservations credit;

  CreditController(final CreditReservations credit) {
    this.credit = credit;
  }

  record ReserveRequest(BigDecimal amount, String currency, String dealRef) {}

  record Line(String kind, String ref, BigDecimal amount, BigDecimal counted, String note) {}

  record CreditResponse(
      String counterpartyId,
      String currency,
      BigDecimal limit,
      LocalDate expiry,
      LocalDate asOf,
      BigDecimal effectiveLimit,
      BigDecimal openInvoices,
      BigDecimal reserved,
      BigDecimal utilisation,
      BigDecimal headroom,
      BigDecimal utilisationShare,
      List<Line> lines,
      List<String> invoicesInOtherCurrencies) {}

  record ReservationResponse(
      String id,
      String counterpartyId,
      String dealRef,
      BigDecimal amount,
      String currency,
      String status,
      Instant createdAt,
      String createdBy,
      Instant releasedAt,
      String releasedBy,
      BigDecimal remainingHeadroom) {}

  @GetMapping("/credit")
  CreditResponse credit(@PathVariable final String id) {
    final CreditReservations.Credit c = credit.credit(uuid(id));
    return response(c.headroom(), c.invoicesInOtherCurrencies());
  }

  @PostMapping(RESERVATIONS)
  ResponseEntity<ReservationResponse> reserve(
      @PathVariable final String id,
      @RequestBody final ReserveRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) final String idempotencyKey,
      final Authentication user) {
    final UUID counterpartyId = uuid(id);
    final BigDecimal amount = amount(request.amount());
    final String currency = currency(request.currency());
    final String dealRef = dealRef(request.dealRef(), idempotencyKey);
    final CreditReservations.Reserved reserved =
        credit.reserve(counterpartyId, amount, currency, dealRef, user.getName());
    final ResponseEntity.BodyBuilder response =
        ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(
                URI.create(
                    "/api/counterparties/"
                        + id
                        + RESERVATIONS
                        + "/"
                        + reserved.reservation().id()));
    if (!reserved.created()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(response(reserved.reservation(), reserved.after().headroom()));
  }

  @DeleteMapping(RESERVATIONS + "/{reservationId}")
  ReservationResponse release(
      @PathVariable final String id,
      @PathVariable final String reservationId,
      final Authentication user) {
    final UUID counterpartyId = uuid(id);
    final CreditReservation released =
        credit.release(counterpartyId, uuid(reservationId), user.getName());
    return response(released, credit.credit(counterpartyId).headroom().headroom());
  }

  private static BigDecimal amount(final BigDecimal amount) {
    if (amount == null) {
      throw new InvalidRequestField("amount", "is required");
    }
    if (amount.signum() <= 0) {
      throw new InvalidRequestField("amount", "must be greater than zero");
    }
    if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
      throw new InvalidRequestField("amount", "must have at most 17 digits and 2 decimals");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String currency(final String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestField("currency", "is required: the credit limit's currency");
    }
    final String code = value.trim().toUpperCase(Locale.ROOT);
    try {
      if (code.length() == 3 && Currency.getInstance(code) != null) {
        return code;
      }
    } catch (final IllegalArgumentException e) {
      // not an ISO 4217 code; answered below
    }
    throw new InvalidRequestField("currency", "'" + value + "' is not an ISO 4217 currency code");
  }

  private static String dealRef(final String body, final String header) {
    final String bodyKey = body == null || body.isBlank() ? null : body.trim();
    final String headerKey = header == null || header.isBlank() ? null : header.trim();
    if (bodyKey != null && headerKey != null && !bodyKey.equals(headerKey)) {
      throw new InvalidRequestField(
          "dealRef", "differs from the Idempotency-Key header; give one or make them equal");
    }
    final String key = bodyKey != null ? bodyKey : headerKey;
    if (key == null) {
      throw new InvalidRequestField(
          "dealRef", "is required: the deal's reference, which makes a repeat idempotent");
    }
    if (key.length() > 255) {
      throw new InvalidRequestField("dealRef", "is longer than 255 characters");
    }
    return key;
  }

  private static UUID uuid(final String id) {
    try {
      return UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new NotFound("No counterparty or reservation with id '" + id + "'.");
    }
  }

  private static BigDecimal shown(final Money money) {
    return money.rounded().amount();
  }

  static CreditResponse response(final CreditHeadroom h, final List<String> otherCurrencies) {
    return new CreditResponse(
        h.limit().counterpartyId(),
        h.limit().amount().currency().getCurrencyCode(),
        shown(h.limit().amount()),
        h.limit().expiry().orElse(null),
        h.asOf(),
        shown(h.effectiveLimit()),
        shown(h.utilisation().openInvoices()),
        shown(h.utilisation().pendingDeals()),
        shown(h.utilisation().total()),
        shown(h.headroom()),
        h.utilisationShare(),
        h.utilisation().lines().stream()
            .map(
                l ->
                    new Line(
                        l.kind().name(),
                        l.reference(),
                        shown(l.amount()),
                        shown(l.counted()),
                        l.rule()))
            .toList(),
        otherCurrencies);
  }

  static ReservationResponse response(final CreditReservation r, final Money remaining) {
    return new ReservationResponse(
        r.id().toString(),
        r.counterpartyId().toString(),
        r.dealRef(),
        r.amount(),
        r.currency(),
        r.status(),
        r.createdAt(),
        r.createdBy(),
        r.releasedAt(),
        r.releasedBy(),
        shown(remaining));
  }
}
