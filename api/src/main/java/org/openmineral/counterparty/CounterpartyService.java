package org.openmineral.counterparty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.counterparty.CounterpartyProblems.IdempotencyKeyReused;
import org.openmineral.counterparty.CounterpartyProblems.OnboardingNotStarted;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates counterparties and starts their onboarding; reads them.
 *
 * <p>Creation is two transactions around the process start: the counterparty is stored (PENDING;
 * requests with the same Idempotency-Key take turns on a transaction-scoped advisory lock, so the
 * first stores it and the others find it), then, with its row locked, the process {@code
 * counterparty-onboarding} is started and its instance key stored. The row lock makes concurrent
 * repeats of the same request wait, so they find the key and start nothing. If the engine cannot be
 * reached the counterparty stays stored without a process and a repeat of the request (same
 * Idempotency-Key) starts it.
 */
@Service
public class CounterpartyService {
  static final String PROCESS_ID = "counterparty-onboarding";
  static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final String IDEMPOTENCY_LOCK_PREFIX = "counterparty-create:";

  private final CounterpartyRepository counterparties;
  private final KycOutcomeRepository outcomes;
  private final CamundaClient camunda;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final DomainEvents events;
  private final Clock clock = Clock.systemUTC();

  CounterpartyService(
      final CounterpartyRepository counterparties,
      final KycOutcomeRepository outcomes,
      final CamundaClient camunda,
      final PlatformTransactionManager transactionManager,
      final ObjectMapper json,
      final JdbcTemplate jdbc,
      final DomainEvents events) {
    this.counterparties = counterparties;
    this.outcomes = outcomes;
    this.camunda = camunda;
    this.transactions = new TransactionTemplate(transactionManager);
    this.json = json;
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The stored counterparty and whether this call created it (false: an idempotent repeat). */
  public record Created(Counterparty counterparty, boolean created) {}

  /**
   * Stores {@code input} as a new PENDING counterparty and starts its onboarding, or, for an {@code
   * idempotencyKey} seen before with the same request, returns that counterparty.
   *
   * @throws IdempotencyKeyReused the key was used for a different request
   * @throws OnboardingNotStarted stored, but the engine did not start the process or the database
   *     failed while the start was recorded
   */
  public Created create(
      final NewCounterparty input, final String idempotencyKey, final String user) {
    final String fingerprint = fingerprint(input);
    final Counterparty fresh =
        new Counterparty(
            UUID.randomUUID(),
            input.name(),
            input.type(),
            input.country(),
            input.ultimateBeneficialOwners(),
            input.ownershipDisclosed(),
            user,
            clock.instant());
    fresh.setCreditLimit(input.creditLimitAmount(), input.creditLimitCurrency());
    fresh.setIdempotency(idempotencyKey, fingerprint);
    final Created stored =
        transactions.execute(
            status -> {
              if (idempotencyKey != null) {
                // Requests with the same key take turns here, so only the first one inserts.
                jdbc.query(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                    rs -> {},
                    IDEMPOTENCY_LOCK_PREFIX + idempotencyKey);
                final Optional<Counterparty> previous =
                    counterparties.findByIdempotencyKey(idempotencyKey);
                if (previous.isPresent()) {
                  if (!fingerprint.equals(previous.get().getRequestSha256())) {
                    throw new IdempotencyKeyReused(idempotencyKey);
                  }
                  return new Created(previous.get(), false);
                }
              }
              return new Created(counterparties.saveAndFlush(fresh), true);
            });
    if (stored.created()) {
      events.publish(
          new DomainEvent(
              "counterparty.created", stored.counterparty().getId().toString(), clock.instant()));
    }
    return new Created(resumeOnboarding(stored.counterparty().getId()), stored.created());
  }

  /**
   * Starts the onboarding of a stored counterparty unless it has been started already (then returns
   * it unchanged): what a creation whose start failed leaves to do, with or without its
   * Idempotency-Key. Empty if there is no such counterparty.
   *
   * @throws OnboardingNotStarted the engine did not start the process or the database failed while
   *     the start was recorded
   */
  public Optional<Counterparty> startStoredOnboarding(final UUID id) {
    if (find(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(resumeOnboarding(id));
  }

  private Counterparty resumeOnboarding(final UUID id) {
    try {
      return startOnboarding(id);
    } catch (final DataAccessException | TransactionException e) {
      // the counterparty is committed: not "nothing was changed", but a start to repeat
      throw new OnboardingNotStarted(
          id, new IllegalStateException("the database failed while starting it", e));
    }
  }

  /** Starts the onboarding of counterparty {@code id} unless it has been started already. */
  Counterparty startOnboarding(final UUID id) {
    return transactions.execute(
        status -> {
          final Counterparty counterparty =
              counterparties.lockById(id).orElseThrow(() -> new IllegalStateException("gone"));
          if (counterparty.getOnboardingProcessInstanceKey() != null) {
            return counterparty;
          }
          final long key;
          try {
            key =
                camunda
                    .newCreateInstanceCommand()
                    .bpmnProcessId(PROCESS_ID)
                    .latestVersion()
                    .variables(processVariables(counterparty))
                    .requestTimeout(START_TIMEOUT)
                    .send()
                    .join()
                    .getProcessInstanceKey();
          } catch (final RuntimeException e) {
            throw new OnboardingNotStarted(id, e);
          }
          counterparty.setOnboardingProcessInstanceKey(key);
          return counterparties.saveAndFlush(counterparty);
        });
  }

  /** The start variables {@code counterparty-onboarding} documents. */
  static Map<String, Object> processVariables(final Counterparty counterparty) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("counterpartyId", counterparty.getId().toString());
    variables.put("name", counterparty.getName());
    variables.put("type", counterparty.getType().name());
    variables.put("country", counterparty.getCountry());
    variables.put("ultimateBeneficialOwners", counterparty.getUltimateBeneficialOwners());
    variables.put("ownershipDisclosed", counterparty.isOwnershipDisclosed());
    return variables;
  }

  public Optional<Counterparty> find(final UUID id) {
    return transactions.execute(status -> counterparties.findById(id));
  }

  public List<KycOutcome> kycHistory(final UUID id) {
    return transactions.execute(
        status -> outcomes.findByCounterpartyIdOrderByRecordedAtAscJobKeyAsc(id));
  }

  /** Counterparties matching every given filter (null: any), newest first. */
  public Page<Counterparty> list(
      final KycStatus status,
      final String country,
      final String name,
      final int page,
      final int size) {
    Specification<Counterparty> filter = (root, query, cb) -> cb.conjunction();
    if (status != null) {
      filter = filter.and((root, query, cb) -> cb.equal(root.get("kycStatus"), status));
    }
    if (country != null) {
      filter = filter.and((root, query, cb) -> cb.equal(root.get("country"), country));
    }
    if (name != null) {
      final String pattern =
          "%"
              + name.toLowerCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      filter = filter.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern, '\\'));
    }
    final Specification<Counterparty> where = filter;
    return transactions.execute(
        tx ->
            counterparties.findAll(
                where,
                PageRequest.of(
                    page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))));
  }

  /** A digest of the normalised request, to tell a repeat from a different request. */
  private String fingerprint(final NewCounterparty input) {
    try {
      final byte[] canonical = json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (final JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
