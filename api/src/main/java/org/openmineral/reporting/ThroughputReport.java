package org.openmineral.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Process throughput and SLA breaches from the audit projection's process history: per process, the
 * instances started in a period and how they ended, with the durations of those completed; per user
 * task, how many were created, completed and left open, how long people took, and how many missed
 * the due date the model set ({@code zeebe:taskSchedule dueDate}): completed after it, or still
 * open after it at the report's time. Incidents raised in the period, and those resolved.
 */
@Component
class ThroughputReport {
  private final JdbcTemplate jdbc;

  ThroughputReport(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record ProcessRow(
      String bpmnProcessId,
      int started,
      int completed,
      int terminated,
      int active,
      BigDecimal p50Hours,
      BigDecimal p90Hours,
      int incidents,
      int incidentsResolved) {}

  record TaskRow(
      String bpmnProcessId,
      String elementId,
      int created,
      int completed,
      int canceled,
      int open,
      int withDueDate,
      int completedLate,
      int openOverdue,
      BigDecimal p50HoursToComplete,
      BigDecimal p90HoursToComplete) {
    /** Tasks that missed their due date: completed late or still open after it. */
    @com.fasterxml.jackson.annotation.JsonProperty("breaches")
    public int breaches() {
      return completedLate + openOverdue;
    }
  }

  record Report(
      Instant from, Instant to, Instant asOf, List<ProcessRow> processes, List<TaskRow> tasks) {}

  private static final class ProcessCounts {
    int started;
    int completed;
    int terminated;
    int active;
    int incidents;
    int resolved;
    final List<Duration> durations = new ArrayList<>();
  }

  private static final class TaskCounts {
    int created;
    int completed;
    int canceled;
    int open;
    int withDue;
    int late;
    int overdue;
    final List<Duration> durations = new ArrayList<>();
  }

  Report report(final Instant from, final Instant to, final Instant asOf) {
    final Map<String, ProcessCounts> processes = new TreeMap<>();
    jdbc.query(
        """
        select bpmn_process_id, state, started_at, ended_at from history_process_instance
         where started_at >= ? and started_at < ?
        """,
        rs -> {
          final ProcessCounts counts =
              processes.computeIfAbsent(rs.getString("bpmn_process_id"), k -> new ProcessCounts());
          counts.started++;
          switch (rs.getString("state")) {
            case "COMPLETED" -> {
              counts.completed++;
              counts.durations.add(
                  Duration.between(
                      rs.getTimestamp("started_at").toInstant(),
                      rs.getTimestamp("ended_at").toInstant()));
            }
            case "TERMINATED" -> counts.terminated++;
            default -> counts.active++;
          }
        },
        Timestamp.from(from),
        Timestamp.from(to));
    jdbc.query(
        """
        select p.bpmn_process_id, i.state from history_incident i
          join history_process_instance p on p.process_instance_key = i.process_instance_key
         where i.created_at >= ? and i.created_at < ?
        """,
        rs -> {
          final ProcessCounts counts =
              processes.computeIfAbsent(rs.getString("bpmn_process_id"), k -> new ProcessCounts());
          counts.incidents++;
          if ("RESOLVED".equals(rs.getString("state"))) {
            counts.resolved++;
          }
        },
        Timestamp.from(from),
        Timestamp.from(to));
    final Map<String, TaskCounts> tasks = new TreeMap<>();
    jdbc.query(
        """
        select coalesce(t.bpmn_process_id, p.bpmn_process_id) as bpmn_process_id, t.element_id,
               t.state, t.created_at, t.completed_at,
               (select cast(a.record_json as jsonb) -> 'value' ->> 'dueDate' from audit_entry a
                 where a.process_instance_key = t.process_instance_key
                   and a.value_type = 'USER_TASK' and a.intent = 'CREATED'
                   and a.record_key = t.user_task_key
                 limit 1) as due_date
          from history_user_task t
          left join history_process_instance p on p.process_instance_key = t.process_instance_key
         where t.created_at >= ? and t.created_at < ?
        """,
        rs -> {
          final TaskCounts counts =
              tasks.computeIfAbsent(
                  rs.getString("bpmn_process_id") + "|" + rs.getString("element_id"),
                  k -> new TaskCounts());
          counts.created++;
          final Instant created = rs.getTimestamp("created_at").toInstant();
          final Timestamp completedAt = rs.getTimestamp("completed_at");
          final Instant due = dueDate(rs.getString("due_date"));
          if (due != null) {
            counts.withDue++;
          }
          switch (rs.getString("state")) {
            case "COMPLETED" -> {
              counts.completed++;
              counts.durations.add(Duration.between(created, completedAt.toInstant()));
              if (due != null && completedAt.toInstant().isAfter(due)) {
                counts.late++;
              }
            }
            case "CANCELED" -> counts.canceled++;
            default -> {
              counts.open++;
              if (due != null && asOf.isAfter(due)) {
                counts.overdue++;
              }
            }
          }
        },
        Timestamp.from(from),
        Timestamp.from(to));
    final List<ProcessRow> processRows = new ArrayList<>();
    processes.forEach(
        (id, c) ->
            processRows.add(
                new ProcessRow(
                    id,
                    c.started,
                    c.completed,
                    c.terminated,
                    c.active,
                    hours(percentile(c.durations, 50)),
                    hours(percentile(c.durations, 90)),
                    c.incidents,
                    c.resolved)));
    final List<TaskRow> taskRows = new ArrayList<>();
    tasks.forEach(
        (key, c) -> {
          final int bar = key.lastIndexOf('|');
          taskRows.add(
              new TaskRow(
                  key.substring(0, bar),
                  key.substring(bar + 1),
                  c.created,
                  c.completed,
                  c.canceled,
                  c.open,
                  c.withDue,
                  c.late,
                  c.overdue,
                  hours(percentile(c.durations, 50)),
                  hours(percentile(c.durations, 90))));
        });
    return new Report(from, to, asOf, List.copyOf(processRows), List.copyOf(taskRows));
  }

  /** The nearest-rank percentile of {@code durations}, or null when there are none. */
  static Duration percentile(final List<Duration> durations, final int percent) {
    if (durations.isEmpty()) {
      return null;
    }
    final List<Duration> sorted = durations.stream().sorted().toList();
    final int rank = (percent * sorted.size() + 99) / 100;
    return sorted.get(Math.max(0, rank - 1));
  }

  private static BigDecimal hours(final Duration duration) {
    return duration == null
        ? null
        : BigDecimal.valueOf(duration.toMillis())
            .divide(BigDecimal.valueOf(3_600_000L), 3, RoundingMode.HALF_UP);
  }

  /** The due date as the engine wrote it (ISO 8601, possibly with a zone id), or null. */
  static Instant dueDate(final String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (final DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(text).toInstant();
      } catch (final DateTimeParseException again) {
        return null;
      }
    }
  }
}
