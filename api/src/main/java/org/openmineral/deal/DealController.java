package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openmineral.deal.DealProblems.NotFound;
import org.openmineral.deal.DealProblems.OtherDesk;
import org.openmineral.deal.DealRequests.AmendRequest;
import org.openmineral.deal.DealRequests.CancelRequest;
import org.openmineral.deal.DealRequests.CaptureRequest;
import org.openmineral.deal.DealRequests.EventRequest;
import org.openmineral.platform.security.Desks;
import org.openmineral.platform.web.InvalidRequestField;
import org.openmineral.platform.web.RequestParameters;
import org.openmineral.task.UserTaskFilter;
import org.openmineral.task.UserTaskQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deals: capture (starts the trade lifecycle), read with the current stage and open tasks, list,
 * amend, cancel, and the business events of execution and settlement. Users whose token names a
 * desk see and change only that desk's deals. The JSON is documented in docs/deals.md.
 */
@RestController
@RequestMapping(DealController.PATH)
class DealController {
  static final String PATH = "/api/deals";
  static final String IDEMPOTENCY_KEY = RequestParameters.IDEMPOTENCY_KEY;
  static final int MAX_PAGE_SIZE = 100;

  private final DealService service;
  private final DealStore store;
  private final UserTaskQueries tasks;
  private final ObjectMapper json;

  DealController(
      final DealService service,
      final DealStore store,
      final UserTaskQueries tasks,
      final ObjectMapper json) {
    this.service = service;
    this.store = store;
    this.tasks = tasks;
    this.json = json;
  }

  record Quantity(BigDecimal value, String unit) {}

  record Value(BigDecimal amount, String currency) {}

  record OpenTask(
      String key,
      String name,
      String elementId,
      String processId,
      String processInstanceKey,
      List<String> candidateGroups,
      String assignee,
      String dueDate) {}

  record ActivityLine(Instant at, String actor, String action, JsonNode detail) {}

  record DealResponse(
      String id,
      String counterpartyId,
      String direction,
      String commodity,
      String metal,
      Quantity quantity,
      BigDecimal moisturePct,
      JsonNode assays,
      JsonNode pricing,
      JsonNode terms,
      BigDecimal provisionalPct,
      Value value,
      String logisticsDeadline,
      String desk,
      String status,
      String stage,
      String capturedBy,
      Instant capturedAt,
      List<String> amendedBy,
      Instant amendedAt,
      String cancelledBy,
      Instant cancelledAt,
      String cancelReason,
      String creditReservationId,
      String processInstanceKey,
      JsonNode report,
      Instant closedAt,
      Instant updatedAt,
      long version,
      List<OpenTask> openTasks,
      List<ActivityLine> activity) {}

  record PageResponse(
      List<DealResponse> items, int page, int size, long totalItems, long totalPages) {}

  record EventResponse(
      String dealId, String event, String eventKey, String messageId, boolean duplicate) {}

  @PostMapping
  ResponseEntity<DealResponse> capture(
      @RequestBody final CaptureRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String idempotencyKey,
      final Authentication user) {
    final String key =
        RequestParameters.idempotencyKey(idempotencyKey, request.requestId(), "requestId");
    final DealRequests.Parties parties = DealRequests.parties(request);
    final DealTerms terms = DealRequests.terms(request, parties.metal(), json);
    final String userDesk = Desks.of(user);
    String desk =
        request.desk() == null || request.desk().isBlank()
            ? userDesk
            : DealRequests.text(request.desk(), "desk");
    if (userDesk != null && !userDesk.equals(desk)) {
      throw new InvalidRequestField("desk", "you capture for your desk '" + userDesk + "' only");
    }
    final DealService.Captured captured =
        service.capture(new DealService.NewDeal(parties, terms, desk), key, user.getName());
    final Deal deal = captured.deal();
    final ResponseEntity.BodyBuilder response =
        ResponseEntity.status(captured.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create(PATH + "/" + deal.id()))
            .eTag(etag(deal));
    if (!captured.created()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(response(deal, List.of(), List.of()));
  }

  @GetMapping("/{id}")
  ResponseEntity<DealResponse> get(@PathVariable final String id, final Authentication user) {
    final Deal deal = visible(id, user);
    return ResponseEntity.ok().eTag(etag(deal)).body(detailed(deal));
  }

  @GetMapping
  PageResponse list(
      @RequestParam(required = false) final String status,
      @RequestParam(required = false) final String counterparty,
      @RequestParam(required = false) final String desk,
      @RequestParam(required = false) final String page,
      @RequestParam(required = false) final String size,
      final Authentication user) {
    String statusFilter = null;
    if (status != null && !status.isBlank()) {
      statusFilter = status.trim().toUpperCase(Locale.ROOT);
      if (!List.of(
              "CAPTURED", "APPROVED", "IN_EXECUTION", "SETTLING", "CLOSED", "REJECTED", "CANCELLED")
          .contains(statusFilter)) {
        throw new InvalidRequestField(
            "status",
            "must be one of CAPTURED, APPROVED, IN_EXECUTION, SETTLING, CLOSED, REJECTED, CANCELLED;"
                + " was '"
                + status
                + "'");
      }
    }
    final UUID counterpartyId =
        counterparty == null || counterparty.isBlank()
            ? null
            : DealRequests.uuid(counterparty, "counterparty");
    final String deskFilter = desk == null || desk.isBlank() ? null : desk.trim();
    final int pageNumber =
        RequestParameters.wholeNumber(page, "page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    final int pageSize = RequestParameters.wholeNumber(size, "size", 20, 1, MAX_PAGE_SIZE);
    final DealStore.Filter filter =
        new DealStore.Filter(statusFilter, counterpartyId, deskFilter, Desks.of(user));
    final long total = store.count(filter);
    return new PageResponse(
        store.list(filter, pageNumber, pageSize).stream()
            .map(d -> response(d, List.of(), List.of()))
            .toList(),
        pageNumber,
        pageSize,
        total,
        (total + pageSize - 1) / pageSize);
  }

  @PatchMapping("/{id}")
  ResponseEntity<DealResponse> amend(
      @PathVariable final String id,
      @RequestBody final AmendRequest request,
      @RequestHeader(name = "If-Match", required = false) final String ifMatch,
      final Authentication user) {
    final Deal deal = visible(id, user);
    final long expected = version(ifMatch, request.version());
    final Deal amended = service.amend(deal, request, expected, user.getName());
    return ResponseEntity.ok().eTag(etag(amended)).body(detailed(amended));
  }

  @PutMapping("/{id}")
  ResponseEntity<DealResponse> replace(
      @PathVariable final String id,
      @RequestBody final AmendRequest request,
      @RequestHeader(name = "If-Match", required = false) final String ifMatch,
      final Authentication user) {
    return amend(id, request, ifMatch, user);
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<DealResponse> cancel(
      @PathVariable final String id,
      @RequestBody(required = false) final CancelRequest request,
      @RequestHeader(name = "If-Match", required = false) final String ifMatch,
      final Authentication user) {
    final Deal deal = visible(id, user);
    final String reason =
        request == null || request.reason() == null || request.reason().isBlank()
            ? null
            : request.reason().trim();
    if (reason != null && reason.length() > 2000) {
      throw new InvalidRequestField("reason", "is longer than 2000 characters");
    }
    final Long expected =
        ifMatch == null && (request == null || request.version() == null)
            ? null
            : version(ifMatch, request == null ? null : request.version());
    final Deal cancelled = service.cancel(deal, reason, expected, user.getName());
    return ResponseEntity.accepted().eTag(etag(cancelled)).body(detailed(cancelled));
  }

  @PostMapping("/{id}/events/{event}")
  ResponseEntity<EventResponse> event(
      @PathVariable final String id,
      @PathVariable final String event,
      @RequestBody(required = false) final EventRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String idempotencyKey,
      final Authentication user) {
    final Deal deal = visible(id, user);
    if (!DealService.EVENTS.contains(event)) {
      throw new NotFound(id + "/events/" + event + " (events: " + DealService.EVENTS + ")");
    }
    final String key =
        RequestParameters.idempotencyKey(
            idempotencyKey, request == null ? null : request.eventId(), "eventId");
    if (key == null) {
      throw new InvalidRequestField(
          IDEMPOTENCY_KEY,
          "is required (or eventId in the body): it makes a repeated event harmless");
    }
    final Map<String, Object> variables = DealRequests.eventVariables(event, request);
    final DealService.EventReceipt receipt =
        service.event(deal, event, key, variables, user.getName());
    return ResponseEntity.accepted()
        .body(
            new EventResponse(
                deal.id().toString(),
                receipt.event(),
                receipt.eventKey(),
                receipt.messageId(),
                receipt.duplicate()));
  }

  private Deal visible(final String id, final Authentication user) {
    return visible(service, id, user);
  }

  /** The deal if it exists and the caller's desk (if any) is its desk. */
  static Deal visible(final DealService service, final String id, final Authentication user) {
    final UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new NotFound(id);
    }
    final Deal deal = service.find(uuid).orElseThrow(() -> new NotFound(id));
    final String desk = Desks.of(user);
    if (desk != null && !desk.equals(deal.desk())) {
      throw new OtherDesk("Deal " + id + " belongs to another desk than yours (" + desk + ").");
    }
    return deal;
  }

  private DealResponse detailed(final Deal deal) {
    // the trade lifecycle's own tasks, then those of the instances it called (hedging, settlement)
    final java.util.Set<Long> instances = new java.util.LinkedHashSet<>();
    if (deal.processInstanceKey() != null) {
      instances.add(deal.processInstanceKey());
      instances.addAll(store.instancesOf(deal.id()));
    }
    final List<OpenTask> open =
        instances.stream()
            .flatMap(
                instance ->
                    tasks
                        .search(new UserTaskFilter(null, null, instance, null, false), 100)
                        .stream())
            .map(
                t ->
                    new OpenTask(
                        Long.toString(t.key()),
                        t.name(),
                        t.elementId(),
                        t.processDefinitionId(),
                        Long.toString(t.processInstanceKey()),
                        t.candidateGroups(),
                        t.assignee(),
                        t.dueDate()))
            .toList();
    final List<ActivityLine> activity =
        store.activity(deal.id()).stream()
            .map(a -> new ActivityLine(a.at(), a.actor(), a.action(), a.detail()))
            .toList();
    return response(deal, open, activity);
  }

  static DealResponse response(
      final Deal d, final List<OpenTask> open, final List<ActivityLine> activity) {
    final DealTerms t = d.terms();
    return new DealResponse(
        d.id().toString(),
        d.counterpartyId().toString(),
        d.direction(),
        d.commodity(),
        d.metal(),
        new Quantity(t.quantity(), t.quantityUnit()),
        t.moisturePct(),
        t.assays(),
        t.pricing(),
        t.terms(),
        t.provisionalPct(),
        new Value(t.valueAmount(), t.valueCurrency()),
        t.logisticsDeadline(),
        d.desk(),
        d.cancelledAt() != null && !Deal.FINISHED.contains(d.status()) ? "CANCELLING" : d.status(),
        d.stage(),
        d.capturedBy(),
        d.capturedAt(),
        d.amendedBy(),
        d.amendedAt(),
        d.cancelledBy(),
        d.cancelledAt(),
        d.cancelReason(),
        d.creditReservationId() == null ? null : d.creditReservationId().toString(),
        d.processInstanceKey() == null ? null : d.processInstanceKey().toString(),
        d.report(),
        d.closedAt(),
        d.updatedAt(),
        d.version(),
        open,
        activity);
  }

  private static String etag(final Deal deal) {
    return "\"" + deal.version() + "\"";
  }

  /** The version an amendment expects: If-Match ({@code "3"} or {@code 3}) or the body's. */
  private static long version(final String ifMatch, final Long bodyVersion) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      final String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
      try {
        final long header = Long.parseLong(v);
        if (bodyVersion != null && bodyVersion != header) {
          throw new InvalidRequestField("version", "differs from the If-Match header");
        }
        return header;
      } catch (final NumberFormatException e) {
        throw new InvalidRequestField(
            "If-Match", "must be the deal's version (its ETag), e.g. \"3\"");
      }
    }
    if (bodyVersion == null) {
      throw new InvalidRequestField(
          "If-Match",
          "is required (or version in the body): the version you read, for optimistic locking");
    }
    return bodyVersion;
  }
}
