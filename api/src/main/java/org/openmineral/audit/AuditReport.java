package org.openmineral.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A human-readable audit report of one process instance and the instances it called: the result of
 * the audit log's verification, the chain entries that cover the instances, then their instances,
 * user tasks (who completed them, with what), decisions, messages, incidents and the full timeline
 * of events, as XHTML (which openhtmltopdf renders to PDF as is).
 */
public final class AuditReport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);
  private static final int DETAIL_LIMIT = 300;

  private final InstanceHistory history;
  private final AuditVerifier verifier;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditReport(
      final InstanceHistory history,
      final AuditVerifier verifier,
      final JdbcTemplate jdbc,
      final Clock clock) {
    this.history = history;
    this.verifier = verifier;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * What the report is about: its title ("process instance 2251…", "deal 6f1…"), a description, and
   * the business record's own activity (time, actor, action, detail; none for an instance).
   */
  public record Subject(
      String title, String description, String activityTitle, List<List<String>> activity) {
    public Subject(final String title, final String description) {
      this(title, description, null, List.of());
    }
  }

  /** The report as XHTML, empty if the history does not know the instance. */
  public java.util.Optional<String> html(
      final long processInstanceKey, final Subject subject, final String requestedBy) {
    return history
        .of(processInstanceKey)
        .map(h -> render(h, subject, requestedBy, verifier.verify()));
  }

  /** Renders XHTML to PDF. */
  public static byte[] pdf(final String xhtml) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(out).run();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** XML-safe text: the five markup characters escaped, no control characters XML forbids. */
  public static String xmlText(final String text) {
    final StringBuilder escaped = new StringBuilder(text.length());
    for (final char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  @SuppressWarnings("unchecked")
  private String render(
      final Map<String, Object> history,
      final Subject subject,
      final String requestedBy,
      final AuditVerifier.Result verification) {
    final List<Map<String, Object>> instances =
        (List<Map<String, Object>>) history.get("instances");
    final List<Map<String, Object>> events = (List<Map<String, Object>>) history.get("events");
    final Html html = new Html();
    html.raw(
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="UTF-8"/>
        """);
    html.element("title", "Audit report: " + subject.title());
    html.raw(
        """
        <style>
          @page { size: A4 landscape; margin: 14mm; }
          body { font-family: sans-serif; font-size: 9pt; color: #1d1d1f; }
          h1 { font-size: 16pt; margin-bottom: 2pt; } h2 { font-size: 12pt; margin-top: 14pt; }
          table { border-collapse: collapse; width: 100%; margin-top: 4pt; }
          th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left;
                   vertical-align: top; word-wrap: break-word; }
          th { background: #e8e8e8; }
          .valid { color: #116611; font-weight: bold; } .broken { color: #aa1111; font-weight: bold; }
          .muted { color: #666; } .hash { font-family: monospace; font-size: 7.5pt; }
        </style></head><body>
        """);
    html.element("h1", "Audit report: " + subject.title());
    html.element("p", subject.description());
    html.element(
        "p",
        "Generated "
            + TIME.format(clock.instant())
            + (requestedBy == null ? "" : " for " + requestedBy)
            + " from the OpenMineral audit log.",
        "muted");

    if (subject.activityTitle() != null) {
      html.element("h2", subject.activityTitle() + " (" + subject.activity().size() + ")");
      html.table(List.of("Time", "Actor", "Action", "Detail"), subject.activity());
    }

    html.element("h2", "Verification of the audit log");
    if (verification.valid()) {
      html.element(
          "p",
          "VALID: the hash chain is intact. "
              + verification.entries()
              + " entries in the log and "
              + verification.archivedEntries()
              + " archived entries were verified.",
          "valid");
    } else {
      final AuditVerifier.BrokenEntry broken = verification.firstBrokenEntry();
      html.element(
          "p",
          "BROKEN: the audit log was altered. First broken entry: partition "
              + broken.partition()
              + ", position "
              + broken.position()
              + ": "
              + broken.reason(),
          "broken");
    }
    chainCoverage(html, instances);

    html.element("h2", "Process instances");
    html.table(
        List.of("Instance", "Process", "Version", "Called by", "State", "Started", "Ended"),
        instances.stream()
            .map(
                i ->
                    List.of(
                        text(i.get("processInstanceKey")),
                        text(i.get("bpmnProcessId")),
                        text(i.get("version")),
                        text(i.get("parentProcessInstanceKey")),
                        text(i.get("state")),
                        time(i.get("startedAt")),
                        time(i.get("endedAt"))))
            .toList());

    section(
        html,
        "User tasks",
        (List<Map<String, Object>>) history.get("userTasks"),
        List.of(
            "Task",
            "Instance",
            "Candidate groups",
            "State",
            "Created",
            "Completed",
            "Completed by",
            "Submitted variables"),
        t ->
            List.of(
                text(t.get("elementId")),
                text(t.get("processInstanceKey")),
                text(t.get("candidateGroups")),
                text(t.get("state")),
                time(t.get("createdAt")),
                time(t.get("completedAt") != null ? t.get("completedAt") : t.get("canceledAt")),
                text(t.get("completedBy")),
                text(t.get("variables"))));
    section(
        html,
        "Decisions evaluated",
        (List<Map<String, Object>>) history.get("decisions"),
        List.of("Element", "Decision", "Version", "Inputs", "Output", "Evaluated"),
        d ->
            List.of(
                text(d.get("elementId")),
                text(d.get("decisionId")),
                text(d.get("decisionVersion")),
                inputs((JsonNode) d.get("evaluatedDecisions")),
                Boolean.TRUE.equals(d.get("failed"))
                    ? "FAILED: " + text(d.get("failureMessage"))
                    : text(d.get("decisionOutput")),
                time(d.get("evaluatedAt"))));
    section(
        html,
        "Messages correlated",
        (List<Map<String, Object>>) history.get("messages"),
        List.of("Element", "Instance", "Message", "Correlation key", "Variables", "Correlated"),
        m ->
            List.of(
                text(m.get("elementId")),
                text(m.get("processInstanceKey")),
                text(m.get("messageName")),
                text(m.get("correlationKey")),
                text(m.get("variables")),
                time(m.get("correlatedAt"))));
    section(
        html,
        "Incidents",
        (List<Map<String, Object>>) history.get("incidents"),
        List.of("Element", "Instance", "Type", "Message", "State", "Created", "Resolved"),
        i ->
            List.of(
                text(i.get("elementId")),
                text(i.get("processInstanceKey")),
                text(i.get("errorType")),
                text(i.get("errorMessage")),
                text(i.get("state")),
                time(i.get("createdAt")),
                time(i.get("resolvedAt"))));

    html.element("h2", "Timeline (" + events.size() + " events)");
    html.table(
        List.of("Position", "Time", "Instance", "Event", "Element", "Actor", "Detail"),
        events.stream()
            .map(
                e ->
                    List.of(
                        text(e.get("position")),
                        time(e.get("timestamp")),
                        text(e.get("processInstanceKey")),
                        e.get("valueType") + " " + e.get("intent"),
                        text(e.get("elementId"))
                            + (e.get("elementType") == null
                                ? ""
                                : " (" + e.get("elementType") + ")"),
                        text(e.get("actor")),
                        detail(e)))
            .toList());
    html.raw("</body></html>");
    return html.toString();
  }

  /** How many chain entries cover the instances, and the newest one's hash. */
  private void chainCoverage(final Html html, final List<Map<String, Object>> instances) {
    final String keys =
        instances.stream()
            .map(i -> text(i.get("processInstanceKey")))
            .collect(Collectors.joining(",", "{", "}"));
    final Map<String, Object> coverage =
        jdbc.queryForMap(
            """
            select (select count(*) from audit_entry where process_instance_key = any(?::bigint[]))
                     as logged,
                   (select count(*) from audit_entry_archive
                    where process_instance_key = any(?::bigint[])) as archived,
                   (select partition_id || ':' || position || ' ' || hash from audit_entry
                    where process_instance_key = any(?::bigint[])
                    order by partition_id desc, position desc limit 1) as newest
            """,
            keys,
            keys,
            keys);
    html.element(
        "p",
        "Entries of these instances: "
            + coverage.get("logged")
            + " in the log, "
            + coverage.get("archived")
            + " archived."
            + (coverage.get("newest") == null
                ? ""
                : " Newest entry (partition:position hash): " + coverage.get("newest")),
        "hash");
  }

  private static <T> void section(
      final Html html,
      final String title,
      final List<T> rows,
      final List<String> headers,
      final java.util.function.Function<T, List<String>> row) {
    html.element("h2", title + " (" + rows.size() + ")");
    if (rows.isEmpty()) {
      html.element("p", "None.", "muted");
    } else {
      html.table(headers, rows.stream().map(row).toList());
    }
  }

  private static String inputs(final JsonNode evaluatedDecisions) {
    if (evaluatedDecisions == null) {
      return "";
    }
    final StringBuilder inputs = new StringBuilder();
    for (final JsonNode decision : evaluatedDecisions) {
      for (final JsonNode input : decision.path("evaluatedInputs")) {
        if (!inputs.isEmpty()) {
          inputs.append("; ");
        }
        inputs
            .append(input.path("inputName").asText(input.path("inputId").asText()))
            .append(" = ")
            .append(input.path("inputValue").asText());
      }
    }
    return limit(inputs.toString());
  }

  private static String detail(final Map<String, Object> event) {
    final JsonNode value = (JsonNode) event.get("value");
    if (value == null) {
      return "";
    }
    return limit(
        switch (String.valueOf(event.get("valueType"))) {
          case "VARIABLE" -> value.path("name").asText() + " = " + value.path("value").asText();
          case "JOB" ->
              value.path("type").asText()
                  + (value.path("errorMessage").asText().isEmpty()
                      ? ""
                      : ": " + value.path("errorMessage").asText());
          case "USER_TASK" ->
              "assignee "
                  + value.path("assignee").asText("")
                  + (value.path("variables").isEmpty()
                      ? ""
                      : ", variables " + value.path("variables"));
          case "INCIDENT" ->
              value.path("errorType").asText() + ": " + value.path("errorMessage").asText();
          case "TIMER" -> "due " + time(Instant.ofEpochMilli(value.path("dueDate").asLong()));
          case "PROCESS_MESSAGE_SUBSCRIPTION", "MESSAGE_START_EVENT_SUBSCRIPTION" ->
              value.path("messageName").asText()
                  + " (key "
                  + value.path("correlationKey").asText()
                  + ")";
          case "DECISION_EVALUATION" ->
              value.path("decisionId").asText() + " -> " + value.path("decisionOutput").asText();
          default -> "";
        });
  }

  private static String limit(final String text) {
    return text.length() <= DETAIL_LIMIT ? text : text.substring(0, DETAIL_LIMIT) + "...";
  }

  private static String text(final Object value) {
    return value == null ? "" : value.toString();
  }

  private static String time(final Object value) {
    return value instanceof Instant instant ? TIME.format(instant) : "";
  }

  /** Just enough XHTML writing: every text escaped, every element closed. */
  private static final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    void raw(final String markup) {
      out.append(markup);
    }

    void element(final String name, final String text) {
      element(name, text, null);
    }

    void element(final String name, final String text, final String cssClass) {
      out.append('<').append(name);
      if (cssClass != null) {
        out.append(" class=\"").append(cssClass).append('"');
      }
      out.append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    void table(final List<String> headers, final List<List<String>> rows) {
      out.append("<table><thead><tr>");
      headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
      out.append("</tr></thead><tbody>\n");
      for (final List<String> row : rows) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</tbody></table>\n");
    }

    static String escape(final String text) {
      return AuditReport.xmlText(text);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
