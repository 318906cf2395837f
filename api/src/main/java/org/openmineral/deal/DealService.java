package org.openmineral.deal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.CounterpartyService;
import org.openmineral.credit.CreditReservations;
import org.openmineral.deal.DealProblems.DealConflict;
import org.openmineral.deal.DealProblems.NotStarted;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures deals and starts their trade lifecycle; amends, cancels and passes on business events as
 * messages to the deal's process. Every change is written to the deal's activity with the user.
 *
 * <p>Capture: the credit is reserved first (under the counterparty's credit lock), then the deal is
 * stored with its first activity in one transaction, then the process {@code trade-lifecycle} is
 * started and its key stored. A capture the credit does not allow stores nothing. If the engine
 * cannot be reached the deal stays CAPTURED without a process, and the same request repeated with
 * its Idempotency-Key starts it. A crash between the start and the stored key can so start a deal's
 * process twice: the process's first step ({@code deal.claim-process}) lets the first instance
 * claim the deal and ends any other before it does anything.
 */
@Service
public class DealService {
  static final String PROCESS_ID = "trade-lifecycle";
  static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MESSAGE_TTL = Duration.ofDays(30);
  static final List<String> EVENTS =
      List.of(
          "vessel-nominated",
          "bill-of-lading-issued",
          "arrived",
          "assays-received",
          "payment-received");
  private static final String IDEMPOTENCY_LOCK_PREFIX = "deal-capture:";

  private final DealStore deals;
  private final CounterpartyService counterparties;
  private final CreditReservations credit;
  private final CamundaClient camunda;
  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final DomainEvents events;
  private final Clock clock = Clock.systemUTC();

  DealService(
      final DealStore deals,
      final CounterpartyService counterparties,
      final CreditReservations credit,
      final CamundaClient camunda,
      final PlatformTransactionManager transactionManager,
      final JdbcTemplate jdbc,
      final ObjectMapper json,
      final DomainEvents events) {
    this.deals = deals;
    this.counterparties = counterparties;
    this.credit = credit;
    this.camunda = camunda;
    this.transactions = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  /** A deal to capture, validated. */
  record NewDeal(DealRequests.Parties parties, DealTerms terms, String desk) {}

  record Captured(Deal deal, boolean created) {}

  /** A business event as received: whether it was new, and the message it became. */
  record EventReceipt(String event, String eventKey, String messageId, boolean duplicate) {}

  Captured capture(final NewDeal input, final String idempotencyKey, final String user) {
    final String fingerprint = fingerprint(input);
    if (idempotencyKey != null) {
      final Optional<Deal> previous = deals.findByIdempotencyKey(idempotencyKey);
      if (previous.isPresent()) {
        return new Captured(replay(previous.get(), fingerprint, idempotencyKey), false);
      }
    }
    final Counterparty counterparty =
        counterparties
            .find(input.parties().counterpartyId())
            .orElseThrow(
                () ->
                    new InvalidRequestField(
                        "counterpartyId",
                        "no counterparty with id '" + input.parties().counterpartyId() + "'"));
    final UUID id = UUID.randomUUID();
    final String dealRef = "deal:" + id;
    final CreditReservations.Reserved reserved =
        credit.reserve(
            counterparty.getId(),
            input.terms().valueAmount(),
            input.terms().valueCurrency(),
            dealRef,
            user);
    final Instant now = clock.instant();
    final Deal deal =
        new Deal(
            id,
            counterparty.getId(),
            input.parties().direction(),
            input.parties().commodity(),
            input.parties().metal(),
            input.desk(),
            input.terms(),
            "CAPTURED",
            "CAPTURED",
            user,
            now,
            List.of(),
            null,
            null,
            null,
            null,
            reserved.reservation().id(),
            dealRef,
            null,
            fingerprint,
            null,
            null,
            now,
            0);
    final Deal stored;
    try {
      stored =
          transactions.execute(
              status -> {
                if (idempotencyKey != null) {
                  jdbc.query(
                      "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                      rs -> {},
                      IDEMPOTENCY_LOCK_PREFIX + idempotencyKey);
                  final Optional<Deal> raced = deals.findByIdempotencyKey(idempotencyKey);
                  if (raced.isPresent()) {
                    return raced.get();
                  }
                }
                deals.insert(deal, idempotencyKey);
                deals.addActivity(
                    id,
                    user,
                    "CAPTURED",
                    Map.of(
                        "value", input.terms().valueAmount(),
                        "currency", input.terms().valueCurrency(),
                        "creditReservationId", reserved.reservation().id().toString()),
                    null,
                    now);
                return deal;
              });
    } catch (final RuntimeException e) {
      credit.release(counterparty.getId(), reserved.reservation().id(), user);
      throw e;
    }
    if (!stored.id().equals(id)) {
      credit.release(counterparty.getId(), reserved.reservation().id(), user);
      return new Captured(replay(stored, fingerprint, idempotencyKey), false);
    }
    events.publish(new DomainEvent("deal.captured", id.toString(), now));
    return new Captured(start(stored, counterparty.getName()), true);
  }

  private Deal replay(final Deal previous, final String fingerprint, final String key) {
    if (!fingerprint.equals(previous.requestSha256())) {
      throw new DealProblems.IdempotencyKeyReused(key);
    }
    if (previous.processInstanceKey() != null) {
      return previous;
    }
    final String name =
        counterparties.find(previous.counterpartyId()).map(Counterparty::getName).orElse(null);
    return start(previous, name);
  }

  /** Starts the deal's trade lifecycle unless it has one. */
  private Deal start(final Deal deal, final String counterpartyName) {
    if (deal.processInstanceKey() != null) {
      return deal;
    }
    final long key;
    try {
      key =
          camunda
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(DealVariables.of(deal, counterpartyName, json))
              .requestTimeout(ENGINE_TIMEOUT)
              .send()
              .join()
              .getProcessInstanceKey();
    } catch (final RuntimeException e) {
      throw new NotStarted(deal.id(), e);
    }
    deals.setProcessInstanceKey(deal.id(), key);
    return deals.find(deal.id()).orElseThrow();
  }

  Optional<Deal> find(final UUID id) {
    return deals.find(id);
  }

  /**
   * Amends the deal's terms if it is still at {@code expectedVersion}; re-reserves credit when the
   * value changed and publishes {@code deal-amended} so that the amendment is re-approved.
   */
  Deal amend(
      final Deal deal,
      final DealRequests.AmendRequest request,
      final long expectedVersion,
      final String user) {
    if (deal.version() != expectedVersion) {
      throw DealConflict.stale(deal, expectedVersion);
    }
    if (deal.finished()) {
      throw DealConflict.finished(deal, "amended");
    }
    final DealTerms terms = DealRequests.amended(deal, request, json);
    final boolean valueChanged =
        terms.valueAmount().compareTo(deal.terms().valueAmount()) != 0
            || !terms.valueCurrency().equals(deal.terms().valueCurrency());
    UUID reservation = deal.creditReservationId();
    String dealRef = deal.creditDealRef();
    if (valueChanged) {
      dealRef = "deal:" + deal.id() + ":v" + (expectedVersion + 1);
      reservation =
          credit
              .reserve(
                  deal.counterpartyId(), terms.valueAmount(), terms.valueCurrency(), dealRef, user)
              .reservation()
              .id();
    }
    final Instant now = clock.instant();
    final UUID newReservation = reservation;
    final String newDealRef = dealRef;
    final boolean amended =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!deals.amend(
                      deal.id(), expectedVersion, terms, user, now, newReservation, newDealRef)) {
                    return false;
                  }
                  deals.addActivity(
                      deal.id(), user, "AMENDED", changes(deal.terms(), terms), null, now);
                  return true;
                }));
    if (!amended) {
      if (valueChanged) {
        credit.release(deal.counterpartyId(), newReservation, user);
      }
      throw DealConflict.stale(deals.find(deal.id()).orElse(deal), expectedVersion);
    }
    if (valueChanged && deal.creditReservationId() != null) {
      credit.release(deal.counterpartyId(), deal.creditReservationId(), user);
    }
    final Deal updated = deals.find(deal.id()).orElseThrow();
    if (updated.processInstanceKey() != null) {
      final Map<String, Object> variables = new LinkedHashMap<>(DealVariables.terms(updated, json));
      variables.put("actor", user);
      publish(
          "deal-amended",
          deal.id().toString(),
          "deal-amended:" + deal.id() + ":" + updated.version(),
          variables);
    }
    events.publish(new DomainEvent("deal.amended", deal.id().toString(), now));
    return updated;
  }

  private Map<String, Object> changes(final DealTerms before, final DealTerms after) {
    final Map<String, Object> changed = new LinkedHashMap<>();
    final Map<?, ?> b = json.convertValue(before, Map.class);
    final Map<?, ?> a = json.convertValue(after, Map.class);
    for (final Map.Entry<?, ?> e : a.entrySet()) {
      if (!java.util.Objects.equals(
          json.valueToTree(e.getValue()), json.valueToTree(b.get(e.getKey())))) {
        changed.put(String.valueOf(e.getKey()), e.getValue());
      }
    }
    return changed;
  }

  /**
   * Asks the deal's process to cancel it (the cancellation event sub-process releases the credit
   * and sets it CANCELLED); a deal without a process is cancelled here.
   */
  Deal cancel(final Deal deal, final String reason, final Long expectedVersion, final String user) {
    if (expectedVersion != null && deal.version() != expectedVersion) {
      throw DealConflict.stale(deal, expectedVersion);
    }
    if (deal.finished()) {
      throw DealConflict.finished(deal, "cancelled");
    }
    final Instant now = clock.instant();
    final boolean marked =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!deals.markCancelled(deal.id(), deal.version(), user, reason, now)) {
                    return false;
                  }
                  final Map<String, Object> detail = new LinkedHashMap<>();
                  detail.put("reason", reason);
                  deals.addActivity(deal.id(), user, "CANCELLED", detail, null, now);
                  return true;
                }));
    if (!marked) {
      throw DealConflict.stale(deals.find(deal.id()).orElse(deal), deal.version());
    }
    if (deal.processInstanceKey() != null) {
      publish(
          "deal-cancelled",
          deal.id().toString(),
          "deal-cancelled:" + deal.id(),
          Map.of("actor", user, "cancelReason", reason == null ? "" : reason));
    } else {
      recordStage(deal.id(), "CANCELLED", "CANCELLED", null);
    }
    events.publish(new DomainEvent("deal.cancelled", deal.id().toString(), now));
    return deals.find(deal.id()).orElseThrow();
  }

  /**
   * Publishes a business event to the deal's process once per event key: a repeat finds the event
   * recorded and is answered as a duplicate, also once the deal has finished. The event is recorded
   * before its message is published; a crash between the two would leave it recorded and never
   * published, so a repeat while the deal runs publishes the message again with the same message
   * id, which the engine refuses if it has it (still buffered) and takes if it does not.
   */
  EventReceipt event(
      final Deal deal,
      final String event,
      final String eventKey,
      final Map<String, Object> variables,
      final String user) {
    final String messageId = event + ":" + deal.id() + ":" + eventKey;
    final boolean repeat = deals.hasEvent(deal.id(), event, eventKey);
    if (repeat && (deal.finished() || deal.processInstanceKey() == null)) {
      return new EventReceipt(event, eventKey, messageId, true);
    }
    if (deal.finished()) {
      throw DealConflict.finished(deal, "given events");
    }
    if (deal.processInstanceKey() == null) {
      throw DealConflict.noProcess(deal);
    }
    String messageName = event;
    String correlationKey = deal.id().toString();
    final Map<String, Object> message = new LinkedHashMap<>(variables);
    message.put("actor", user);
    if (event.equals("assays-received")) {
      messageName = "assays-exchanged";
    } else if (event.equals("payment-received")) {
      final String invoice = String.valueOf(message.remove(DealRequests.INVOICE_PAID));
      messageName =
          DealRequests.InvoiceKind.PROVISIONAL.name().equals(invoice)
              ? "provisional-payment-received"
              : "payment-received";
      correlationKey =
          jdbc
              .query(
                  "select id::text from invoice where deal_id = ? and kind = ?"
                      + " order by created_at desc limit 1",
                  (rs, n) -> rs.getString(1),
                  deal.id().toString(),
                  invoice)
              .stream()
              .findFirst()
              .orElseThrow(() -> DealConflict.noInvoice(deal, invoice));
      message.put("paymentId", messageId);
    } else {
      message.put(eventTimeVariable(event), clock.instant().toString());
    }
    if (repeat) {
      publish(messageName, correlationKey, messageId, message);
      return new EventReceipt(event, eventKey, messageId, true);
    }
    final Instant now = clock.instant();
    final boolean fresh =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!deals.addEvent(deal.id(), event, eventKey, messageId, user, now)) {
                    return false;
                  }
                  final Map<String, Object> detail = new LinkedHashMap<>(variables);
                  detail.put("eventKey", eventKey);
                  deals.addActivity(deal.id(), user, "EVENT " + event, detail, null, now);
                  return true;
                }));
    if (fresh) {
      try {
        publish(messageName, correlationKey, messageId, message);
      } catch (final RuntimeException e) {
        deals.removeEvent(deal.id(), event, eventKey);
        throw e;
      }
      events.publish(new DomainEvent("deal.event", deal.id().toString(), now));
    }
    return new EventReceipt(event, eventKey, messageId, !fresh);
  }

  private static String eventTimeVariable(final String event) {
    return switch (event) {
      case "vessel-nominated" -> "vesselNominatedAt";
      case "bill-of-lading-issued" -> "billOfLadingReceivedAt";
      default -> "arrivalReportedAt";
    };
  }

  private void publish(
      final String name,
      final String correlationKey,
      final String messageId,
      final Map<String, Object> variables) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(MESSAGE_TTL)
          .variables(variables)
          .requestTimeout(ENGINE_TIMEOUT)
          .send()
          .join();
    } catch (final RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        return; // the same message is still buffered: nothing more to do
      }
      throw new DealProblems.EngineUnavailable(e);
    }
  }

  /** Sets the deal's status and stage; a terminal status releases its credit reservation. */
  boolean recordStage(final UUID id, final String status, final String stage, final Long jobKey) {
    final Instant now = clock.instant();
    final Deal deal = deals.find(id).orElseThrow(() -> new DealProblems.NotFound(id.toString()));
    final boolean recorded =
        Boolean.TRUE.equals(
            transactions.execute(
                tx -> {
                  final Map<String, Object> detail = new LinkedHashMap<>();
                  detail.put("stage", stage);
                  detail.put("status", status);
                  if (!deals.addActivity(id, "process", "STAGE", detail, jobKey, now)) {
                    return false;
                  }
                  deals.setStage(id, status, stage, now);
                  return true;
                }));
    if (("REJECTED".equals(status) || "CANCELLED".equals(status))
        && deal.creditReservationId() != null) {
      // releasing a released reservation changes nothing, so a redelivery is harmless
      credit.release(deal.counterpartyId(), deal.creditReservationId(), "process");
    }
    if (recorded) {
      events.publish(new DomainEvent("deal.stage", id.toString(), now));
    }
    return recorded;
  }

  private String fingerprint(final NewDeal input) {
    try {
      final byte[] canonical = json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (final JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
