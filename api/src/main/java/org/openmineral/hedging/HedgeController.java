package org.openmineral.hedging;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmineral.domain.reporting.Lei;
import org.openmineral.platform.security.Desks;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hedges booked by the hedging process, and the broker's fill of each ({@code POST
 * /api/hedges/{id}/execution}): price, currency, time and the clearing broker's LEI, which the
 * trade report needs (docs/reporting.md). Users with a desk see the hedges of their desk's deals
 * only.
 */
@RestController
@RequestMapping("/api/hedges")
class HedgeController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");
  static final URI CONFLICT = URI.create("https://openmineral.org/problems/conflict");

  private final JdbcTemplate jdbc;

  HedgeController(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Execution(
      BigDecimal price, String currency, Instant executedAt, String brokerLei, String recordedBy) {}

  record Hedge(
      String id,
      String dealId,
      String metal,
      String exchange,
      String contract,
      long lots,
      BigDecimal lotSize,
      String direction,
      String status,
      Instant bookedAt,
      Execution execution) {}

  /** The fill as the client sends it; every field is required. */
  record ExecutionRequest(String price, String currency, String executedAt, String brokerLei) {}

  @GetMapping
  List<Hedge> list(@RequestParam(required = false) final String dealId, final Authentication user) {
    final String desk = Desks.of(user);
    return jdbc.query(
        """
        select h.*, e.price, e.currency, e.executed_at, e.broker_lei, e.recorded_by
          from hedge h
          left join hedge_execution e on e.hedge_id = h.id
          left join deal d on d.id::text = h.deal_id
         where (cast(? as text) is null or h.deal_id = ?)
           and (cast(? as text) is null or d.desk = ?)
         order by h.created_at, h.id
         limit 1000
        """,
        (rs, i) -> hedge(rs),
        dealId,
        dealId,
        desk,
        desk);
  }

  @GetMapping("/{id}")
  Hedge get(@PathVariable final String id, final Authentication user) {
    return find(uuid(id), Desks.of(user));
  }

  /**
   * Records the broker's fill: {@code 201} the first time, {@code 200} when the same fill is sent
   * again, {@code 409} when the hedge already has a different one.
   */
  @PostMapping("/{id}/execution")
  @Transactional
  ResponseEntity<Hedge> recordExecution(
      @PathVariable final String id,
      @RequestBody final ExecutionRequest request,
      final Authentication user) {
    final UUID hedgeId = uuid(id);
    final Hedge hedge = find(hedgeId, Desks.of(user));
    final BigDecimal price = positive(request.price());
    final String currency = currency(request.currency());
    final Instant executedAt = instant(request.executedAt());
    final String brokerLei = lei(request.brokerLei());
    final int inserted =
        jdbc.update(
            """
            insert into hedge_execution
              (hedge_id, price, currency, executed_at, broker_lei, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (hedge_id) do nothing
            """,
            hedgeId,
            price,
            currency,
            Timestamp.from(executedAt),
            brokerLei,
            user.getName(),
            Timestamp.from(Instant.now()));
    final Hedge stored = find(hedgeId, null);
    if (inserted == 1) {
      return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }
    final Execution existing = stored.execution();
    if (existing.price().compareTo(price) == 0
        && existing.currency().equals(currency)
        && existing.executedAt().equals(executedAt)
        && existing.brokerLei().equals(brokerLei)) {
      return ResponseEntity.ok(stored);
    }
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "hedge "
                + hedge.id()
                + " already has an execution recorded by "
                + existing.recordedBy()
                + " that differs from this one");
    problem.setType(CONFLICT);
    problem.setTitle("Conflict");
    problem.setProperty("execution", existing);
    throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }

  private Hedge find(final UUID id, final String desk) {
    final List<Hedge> found =
        jdbc.query(
            """
            select h.*, e.price, e.currency, e.executed_at, e.broker_lei, e.recorded_by, d.desk
              from hedge h
              left join hedge_execution e on e.hedge_id = h.id
              left join deal d on d.id::text = h.deal_id
             where h.id = ? and (cast(? as text) is null or d.desk = ?)
            """,
            (rs, i) -> hedge(rs),
            id,
            desk,
            desk);
    if (found.isEmpty()) {
      final ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no hedge " + id);
      problem.setType(NOT_FOUND);
      problem.setTitle("Not found");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
    return found.getFirst();
  }

  private static Hedge hedge(final java.sql.ResultSet rs) throws java.sql.SQLException {
    final Timestamp executedAt = rs.getTimestamp("executed_at");
    return new Hedge(
        rs.getString("id"),
        rs.getString("deal_id"),
        rs.getString("metal"),
        rs.getString("exchange"),
        rs.getString("contract"),
        rs.getLong("lots"),
        rs.getBigDecimal("lot_size"),
        rs.getString("direction"),
        rs.getString("status"),
        rs.getTimestamp("created_at").toInstant(),
        executedAt == null
            ? null
            : new Execution(
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                executedAt.toInstant(),
                rs.getString("broker_lei"),
                rs.getString("recorded_by")));
  }

  private static UUID uuid(final String id) {
    try {
      return UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      final ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no hedge " + id);
      problem.setType(NOT_FOUND);
      problem.setTitle("Not found");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
  }

  private static BigDecimal positive(final String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestField("price", "required: the fill price per unit, e.g. \"9012.50\"");
    }
    final BigDecimal price;
    try {
      price = new BigDecimal(value.trim());
    } catch (final NumberFormatException e) {
      throw new InvalidRequestField("price", "'" + value + "' is not a decimal number");
    }
    if (price.signum() <= 0 || price.scale() > 6 || price.precision() - price.scale() > 13) {
      throw new InvalidRequestField(
          "price", "must be positive, with at most 13 digits before and 6 after the point");
    }
    return price;
  }

  private static String currency(final String value) {
    if (value == null || !value.trim().toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
      throw new InvalidRequestField("currency", "required: an ISO 4217 code such as USD");
    }
    return value.trim().toUpperCase(Locale.ROOT);
  }

  private static Instant instant(final String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestField(
          "executedAt", "required: the fill time, ISO 8601 with zone, e.g. 2026-03-02T09:00:03Z");
    }
    try {
      final Instant at = java.time.OffsetDateTime.parse(value.trim()).toInstant();
      if (at.isAfter(Instant.now().plusSeconds(300))) {
        throw new InvalidRequestField("executedAt", "lies in the future");
      }
      return at;
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField(
          "executedAt", "'" + value + "' is not an ISO 8601 time with zone");
    }
  }

  private static String lei(final String value) {
    Lei.problem(value)
        .ifPresent(
            p -> {
              throw new InvalidRequestField(
                  "brokerLei", "the clearing broker's LEI (ISO 17442) is " + p);
            });
    return value.trim().toUpperCase(Locale.ROOT);
  }
}
