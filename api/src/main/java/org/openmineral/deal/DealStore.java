package org.openmineral.deal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The deal tables of {@code V12__deals.sql}, with {@link JdbcTemplate}. */
@Repository
public class DealStore {
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  DealStore(final JdbcTemplate jdbc, final ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One line of a deal's activity. */
  public record Activity(long id, Instant at, String actor, String action, JsonNode detail) {}

  /** Filters of the deal list; null means any. */
  public record Filter(String status, UUID counterpartyId, String desk, String visibleDesk) {}

  void insert(final Deal d, final String idempotencyKey) {
    final DealTerms t = d.terms();
    jdbc.update(
        """
        insert into deal (id, counterparty_id, direction, commodity, metal, quantity, quantity_unit,
          moisture_pct, assays, pricing, terms, provisional_pct, value_amount, value_currency,
          logistics_deadline, desk, status, stage, captured_by, captured_at, credit_reservation_id,
          credit_deal_ref, idempotency_key, request_sha256, updated_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
          ?, ?, ?, ?, 0)
        """,
        d.id(),
        d.counterpartyId(),
        d.direction(),
        d.commodity(),
        d.metal(),
        t.quantity(),
        t.quantityUnit(),
        t.moisturePct(),
        write(t.assays()),
        write(t.pricing()),
        write(t.terms()),
        t.provisionalPct(),
        t.valueAmount(),
        t.valueCurrency(),
        t.logisticsDeadline(),
        d.desk(),
        d.status(),
        d.stage(),
        d.capturedBy(),
        Timestamp.from(d.capturedAt()),
        d.creditReservationId(),
        d.creditDealRef(),
        idempotencyKey,
        d.requestSha256(),
        Timestamp.from(d.updatedAt()));
  }

  public Optional<Deal> find(final UUID id) {
    return jdbc.query("select * from deal where id = ?", this::row, id).stream().findFirst();
  }

  Optional<Deal> lock(final UUID id) {
    return jdbc.query("select * from deal where id = ? for update", this::row, id).stream()
        .findFirst();
  }

  Optional<Deal> findByIdempotencyKey(final String key) {
    return jdbc.query("select * from deal where idempotency_key = ?", this::row, key).stream()
        .findFirst();
  }

  public Optional<Deal> findByProcessInstance(final long processInstanceKey) {
    return jdbc
        .query("select * from deal where process_instance_key = ?", this::row, processInstanceKey)
        .stream()
        .findFirst();
  }

  List<Deal> list(final Filter filter, final int page, final int size) {
    final List<Object> args = new ArrayList<>();
    final String where = where(filter, args);
    args.add(size);
    args.add((long) page * size);
    return jdbc.query(
        "select * from deal" + where + " order by captured_at desc, id limit ? offset ?",
        this::row,
        args.toArray());
  }

  long count(final Filter filter) {
    final List<Object> args = new ArrayList<>();
    final Long n =
        jdbc.queryForObject(
            "select count(*) from deal" + where(filter, args), Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  private static String where(final Filter f, final List<Object> args) {
    final List<String> conditions = new ArrayList<>();
    if (f.status() != null) {
      conditions.add("status = ?");
      args.add(f.status());
    }
    if (f.counterpartyId() != null) {
      conditions.add("counterparty_id = ?");
      args.add(f.counterpartyId());
    }
    if (f.desk() != null) {
      conditions.add("desk = ?");
      args.add(f.desk());
    }
    if (f.visibleDesk() != null) {
      conditions.add("desk = ?");
      args.add(f.visibleDesk());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  void setProcessInstanceKey(final UUID id, final long key) {
    jdbc.update(
        "update deal set process_instance_key = ? where id = ? and process_instance_key is null",
        key,
        id);
  }

  /**
   * Writes amended terms if the deal is still at {@code expectedVersion}.
   *
   * @return false if somebody changed it in the meantime
   */
  boolean amend(
      final UUID id,
      final long expectedVersion,
      final DealTerms t,
      final String user,
      final Instant at,
      final UUID reservationId,
      final String creditDealRef) {
    return jdbc.update(
            """
            update deal set quantity = ?, quantity_unit = ?, moisture_pct = ?, assays = ?::jsonb,
              pricing = ?::jsonb, terms = ?::jsonb, provisional_pct = ?, value_amount = ?,
              value_currency = ?, logistics_deadline = ?,
              amended_by = case when ? = any(amended_by) then amended_by
                                else array_append(amended_by, ?) end,
              amended_at = ?, credit_reservation_id = ?, credit_deal_ref = ?, updated_at = ?,
              version = version + 1
            where id = ? and version = ?
            """,
            t.quantity(),
            t.quantityUnit(),
            t.moisturePct(),
            write(t.assays()),
            write(t.pricing()),
            write(t.terms()),
            t.provisionalPct(),
            t.valueAmount(),
            t.valueCurrency(),
            t.logisticsDeadline(),
            user,
            user,
            Timestamp.from(at),
            reservationId,
            creditDealRef,
            Timestamp.from(at),
            id,
            expectedVersion)
        == 1;
  }

  boolean markCancelled(
      final UUID id,
      final long expectedVersion,
      final String user,
      final String reason,
      final Instant at) {
    return jdbc.update(
            """
            update deal set cancelled_by = ?, cancelled_at = ?, cancel_reason = ?, updated_at = ?,
              version = version + 1
            where id = ? and version = ? and cancelled_at is null
            """,
            user,
            Timestamp.from(at),
            reason,
            Timestamp.from(at),
            id,
            expectedVersion)
        == 1;
  }

  /**
   * Sets status (if not null) and stage; a finished deal keeps its status. The version counts the
   * changes people make (amendments, cancellation), not the process's progress, so an amendment is
   * not refused because the process moved on.
   */
  void setStage(final UUID id, final String status, final String stage, final Instant at) {
    jdbc.update(
        """
        update deal set status = case when status in ('CLOSED', 'REJECTED', 'CANCELLED') then status
                                      else coalesce(?, status) end,
          stage = case when status in ('CLOSED', 'REJECTED', 'CANCELLED') then stage else ? end,
          updated_at = ?
        where id = ?
        """,
        status,
        stage,
        Timestamp.from(at),
        id);
  }

  void close(final UUID id, final String report, final Instant at) {
    jdbc.update(
        """
        update deal set status = 'CLOSED', stage = 'CLOSED', report = ?::jsonb, closed_at = ?,
          updated_at = ?
        where id = ? and status <> 'CLOSED'
        """,
        report,
        Timestamp.from(at),
        Timestamp.from(at),
        id);
  }

  /**
   * Appends an activity line; with a job key, only once per job.
   *
   * @return false if the job had recorded it already
   */
  boolean addActivity(
      final UUID dealId,
      final String actor,
      final String action,
      final Map<String, ?> detail,
      final Long jobKey,
      final Instant at) {
    return jdbc.update(
            """
            insert into deal_activity (deal_id, at, actor, action, detail, job_key)
            values (?, ?, ?, ?, ?::jsonb, ?) on conflict (job_key) do nothing
            """,
            dealId,
            Timestamp.from(at),
            actor,
            action,
            write(json.valueToTree(detail)),
            jobKey)
        == 1;
  }

  public List<Activity> activity(final UUID dealId) {
    return jdbc.query(
        "select * from deal_activity where deal_id = ? order by id",
        (rs, n) ->
            new Activity(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                read(rs.getString("detail"))),
        dealId);
  }

  /**
   * Records a business event under its key.
   *
   * @return false if the event with this key was received before
   */
  boolean addEvent(
      final UUID dealId,
      final String type,
      final String key,
      final String messageId,
      final String user,
      final Instant at) {
    return jdbc.update(
            """
            insert into deal_event (deal_id, event_type, event_key, message_id, received_at,
              received_by)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing
            """,
            dealId,
            type,
            key,
            messageId,
            Timestamp.from(at),
            user)
        == 1;
  }

  /** Whether the event with this key is recorded for the deal. */
  boolean hasEvent(final UUID dealId, final String type, final String key) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from deal_event where deal_id = ? and event_type = ?"
                + " and event_key = ?)",
            Boolean.class,
            dealId,
            type,
            key));
  }

  void removeEvent(final UUID dealId, final String type, final String key) {
    jdbc.update(
        "delete from deal_event where deal_id = ? and event_type = ? and event_key = ?",
        dealId,
        type,
        key);
  }

  /**
   * The process instances that carry the deal's id as their {@code dealId} variable: its trade
   * lifecycle and the hedging, settlement and compliance instances it called. Read from the
   * embedded engine's variable projection; empty against a cluster (no projection there).
   */
  List<Long> instancesOf(final UUID dealId) {
    return jdbc.queryForList(
        "select distinct process_instance_key from process_variable where name = 'dealId'"
            + " and value = to_jsonb(?::text) order by process_instance_key",
        Long.class,
        dealId.toString());
  }

  public List<Map<String, Object>> events(final UUID dealId) {
    return jdbc.queryForList(
        "select event_type, event_key, message_id, received_at, received_by from deal_event"
            + " where deal_id = ? order by received_at, event_type",
        dealId);
  }

  private Deal row(final ResultSet rs, final int n) throws SQLException {
    final Timestamp amendedAt = rs.getTimestamp("amended_at");
    final Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
    final Timestamp closedAt = rs.getTimestamp("closed_at");
    final long key = rs.getLong("process_instance_key");
    final Long processInstanceKey = rs.wasNull() ? null : key;
    final Array amenders = rs.getArray("amended_by");
    return new Deal(
        rs.getObject("id", UUID.class),
        rs.getObject("counterparty_id", UUID.class),
        rs.getString("direction"),
        rs.getString("commodity"),
        rs.getString("metal"),
        rs.getString("desk"),
        new DealTerms(
            rs.getBigDecimal("quantity"),
            rs.getString("quantity_unit"),
            rs.getBigDecimal("moisture_pct"),
            read(rs.getString("assays")),
            read(rs.getString("pricing")),
            read(rs.getString("terms")),
            rs.getBigDecimal("provisional_pct"),
            rs.getBigDecimal("value_amount"),
            rs.getString("value_currency"),
            rs.getString("logistics_deadline")),
        rs.getString("status"),
        rs.getString("stage"),
        rs.getString("captured_by"),
        rs.getTimestamp("captured_at").toInstant(),
        amenders == null ? List.of() : Arrays.asList((String[]) amenders.getArray()),
        amendedAt == null ? null : amendedAt.toInstant(),
        rs.getString("cancelled_by"),
        cancelledAt == null ? null : cancelledAt.toInstant(),
        rs.getString("cancel_reason"),
        rs.getObject("credit_reservation_id", UUID.class),
        rs.getString("credit_deal_ref"),
        processInstanceKey,
        rs.getString("request_sha256"),
        rs.getString("report") == null ? null : read(rs.getString("report")),
        closedAt == null ? null : closedAt.toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }

  String write(final Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(final String text) {
    try {
      return json.readTree(text);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read", e);
    }
  }
}
