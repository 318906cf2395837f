package org.openmineral.counterparty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openmineral.counterparty.CounterpartyProblems.NotFound;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.platform.web.RequestParameters;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counterparties: create (which starts the onboarding process), read, list, and the KYC state the
 * process recorded. KYC decisions are taken in the process's user tasks, never here.
 */
@RestController
@RequestMapping(CounterpartyController.PATH)
class CounterpartyController {
  static final String PATH = "/api/counterparties";
  static final String IDEMPOTENCY_KEY = RequestParameters.IDEMPOTENCY_KEY;
  static final int MAX_NAME = 500;
  static final int MAX_OWNERS = 50;
  static final int MAX_PAGE_SIZE = 100;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final CounterpartyService service;

  CounterpartyController(final CounterpartyService service) {
    this.service = service;
  }

  record CreditLimit(BigDecimal amount, String currency) {}

  /**
   * @param requestId an idempotency key in the body, for clients that cannot set the {@code
   *     Idempotency-Key} header (which wins when both are given and must then be equal)
   */
  record CreateRequest(
      String name,
      String type,
      String country,
      List<String> ultimateBeneficialOwners,
      Boolean ownershipDisclosed,
      CreditLimit creditLimit,
      String requestId) {}

  record CounterpartyResponse(
      String id,
      String name,
      String type,
      String country,
      List<String> ultimateBeneficialOwners,
      boolean ownershipDisclosed,
      String kycStatus,
      String riskRating,
      LocalDate nextReviewDate,
      CreditLimit creditLimit,
      String onboardingProcessInstanceKey,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      String updatedBy,
      long version) {}

  record PageResponse(
      List<CounterpartyResponse> items, int page, int size, long totalItems, int totalPages) {}

  record KycEntry(
      String kycStatus,
      String riskRating,
      String screeningDecision,
      LocalDate nextReviewDate,
      String elementId,
      String processInstanceKey,
      Instant recordedAt) {}

  record KycResponse(
      String counterpartyId,
      String kycStatus,
      String riskRating,
      LocalDate nextReviewDate,
      String latestScreeningDecision,
      Instant recordedAt,
      String onboardingProcessInstanceKey,
      List<KycEntry> history) {}

  @PostMapping
  ResponseEntity<CounterpartyResponse> create(
      @RequestBody final CreateRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String idempotencyKey,
      final Authentication user) {
    final String key =
        RequestParameters.idempotencyKey(idempotencyKey, request.requestId(), "requestId");
    final CounterpartyService.Created result =
        service.create(validate(request), key, user.getName());
    final Counterparty counterparty = result.counterparty();
    final ResponseEntity.BodyBuilder response =
        ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create(PATH + "/" + counterparty.getId()));
    if (!result.created()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(response(counterparty));
  }

  /**
   * Starts the onboarding of a stored counterparty whose creation could not start it (503
   * "Onboarding not started"); a counterparty whose onboarding runs already is answered as it is,
   * so the call can be repeated safely.
   */
  @PostMapping("/{id}/onboarding")
  CounterpartyResponse startOnboarding(@PathVariable final String id) {
    return response(service.startStoredOnboarding(uuid(id)).orElseThrow(() -> new NotFound(id)));
  }

  @GetMapping("/{id}")
  CounterpartyResponse get(@PathVariable final String id) {
    return response(service.find(uuid(id)).orElseThrow(() -> new NotFound(id)));
  }

  @GetMapping("/{id}/kyc")
  KycResponse kyc(@PathVariable final String id) {
    final Counterparty c = service.find(uuid(id)).orElseThrow(() -> new NotFound(id));
    return new KycResponse(
        c.getId().toString(),
        c.getKycStatus().name(),
        c.getRiskRating(),
        c.getNextReviewDate(),
        c.getLatestScreeningDecision(),
        c.getKycRecordedAt(),
        key(c.getOnboardingProcessInstanceKey()),
        service.kycHistory(c.getId()).stream()
            .map(
                o ->
                    new KycEntry(
                        o.getKycStatus().name(),
                        o.getRiskRating(),
                        o.getScreeningDecision(),
                        o.getNextReviewDate(),
                        o.getElementId(),
                        key(o.getProcessInstanceKey()),
                        o.getRecordedAt()))
            .toList());
  }

  @GetMapping
  PageResponse list(
      @RequestParam(required = false) final String status,
      @RequestParam(required = false) final String country,
      @RequestParam(required = false) final String name,
      @RequestParam(required = false) final String page,
      @RequestParam(required = false) final String size) {
    KycStatus kycStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        kycStatus = KycStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (final IllegalArgumentException e) {
        throw new InvalidRequestField(
            "status",
            "must be one of PENDING, UNDER_REVIEW, APPROVED, REJECTED, OFFBOARDED; was '"
                + status
                + "'");
      }
    }
    final String countryCode =
        country == null || country.isBlank() ? null : country(country, "country");
    final String nameFilter = name == null || name.isBlank() ? null : name.trim();
    final int pageNumber =
        RequestParameters.wholeNumber(page, "page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    final int pageSize = RequestParameters.wholeNumber(size, "size", 20, 1, MAX_PAGE_SIZE);
    final Page<Counterparty> found =
        service.list(kycStatus, countryCode, nameFilter, pageNumber, pageSize);
    return new PageResponse(
        found.getContent().stream().map(CounterpartyController::response).toList(),
        pageNumber,
        pageSize,
        found.getTotalElements(),
        found.getTotalPages());
  }

  static NewCounterparty validate(final CreateRequest request) {
    if (request.name() == null || request.name().isBlank()) {
      throw new InvalidRequestField("name", "is required");
    }
    final String name = request.name().trim();
    if (name.length() > MAX_NAME) {
      throw new InvalidRequestField("name", "is longer than " + MAX_NAME + " characters");
    }
    if (request.type() == null || request.type().isBlank()) {
      throw new InvalidRequestField("type", "is required: INDIVIDUAL, ENTITY or VESSEL");
    }
    final CounterpartyType type;
    try {
      type = CounterpartyType.valueOf(request.type().trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField(
          "type", "must be one of INDIVIDUAL, ENTITY, VESSEL; was '" + request.type() + "'");
    }
    if (request.country() == null || request.country().isBlank()) {
      throw new InvalidRequestField("country", "is required: an ISO 3166-1 alpha-2 code");
    }
    final String country = country(request.country(), "country");
    final List<String> owners = new ArrayList<>();
    if (request.ultimateBeneficialOwners() != null) {
      if (request.ultimateBeneficialOwners().size() > MAX_OWNERS) {
        throw new InvalidRequestField(
            "ultimateBeneficialOwners", "has more than " + MAX_OWNERS + " entries");
      }
      for (int i = 0; i < request.ultimateBeneficialOwners().size(); i++) {
        final String owner = request.ultimateBeneficialOwners().get(i);
        final String field = "ultimateBeneficialOwners[" + i + "]";
        if (owner == null || owner.isBlank()) {
          throw new InvalidRequestField(field, "must be a name, not empty");
        }
        if (owner.trim().length() > MAX_NAME) {
          throw new InvalidRequestField(field, "is longer than " + MAX_NAME + " characters");
        }
        owners.add(owner.trim());
      }
    }
    BigDecimal amount = null;
    String currency = null;
    if (request.creditLimit() != null) {
      if (request.creditLimit().amount() == null) {
        throw new InvalidRequestField("creditLimit.amount", "is required with a credit limit");
      }
      if (request.creditLimit().amount().signum() < 0) {
        throw new InvalidRequestField("creditLimit.amount", "must not be negative");
      }
      if (request.creditLimit().amount().scale() > 2
          || request.creditLimit().amount().precision() - request.creditLimit().amount().scale()
              > 17) {
        throw new InvalidRequestField(
            "creditLimit.amount", "must have at most 17 digits and 2 decimals");
      }
      amount = request.creditLimit().amount().setScale(2, RoundingMode.UNNECESSARY);
      currency = currency(request.creditLimit().currency());
    }
    return new NewCounterparty(
        name,
        type,
        country,
        List.copyOf(owners),
        Boolean.TRUE.equals(request.ownershipDisclosed()),
        amount,
        currency);
  }

  private static String country(final String value, final String field) {
    final String code = value.trim().toUpperCase(Locale.ROOT);
    if (code.length() != 2 || !COUNTRIES.contains(code)) {
      throw new InvalidRequestField(
          field, "'" + value + "' is not an ISO 3166-1 alpha-2 country code");
    }
    return code;
  }

  private static String currency(final String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestField("creditLimit.currency", "is required with a credit limit");
    }
    final String code = value.trim().toUpperCase(Locale.ROOT);
    try {
      if (code.length() == 3 && Currency.getInstance(code) != null) {
        return code;
      }
    } catch (final IllegalArgumentException e) {
      // not an ISO 4217 code; answered below
    }
    throw new InvalidRequestField(
        "creditLimit.currency", "'" + value + "' is not an ISO 4217 currency code");
  }

  private static UUID uuid(final String id) {
    try {
      return UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new NotFound(id);
    }
  }

  private static String key(final Long key) {
    return key == null ? null : key.toString();
  }

  static CounterpartyResponse response(final Counterparty c) {
    return new CounterpartyResponse(
        c.getId().toString(),
        c.getName(),
        c.getType().name(),
        c.getCountry(),
        c.getUltimateBeneficialOwners(),
        c.isOwnershipDisclosed(),
        c.getKycStatus().name(),
        c.getRiskRating(),
        c.getNextReviewDate(),
        c.getCreditLimitAmount() == null
            ? null
            : new CreditLimit(c.getCreditLimitAmount(), c.getCreditLimitCurrency()),
        key(c.getOnboardingProcessInstanceKey()),
        c.getCreatedAt(),
        c.getCreatedBy(),
        c.getUpdatedAt(),
        c.getUpdatedBy(),
        c.getVersion());
  }
}
