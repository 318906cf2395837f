package org.openmineral.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP: verification of its hash chain, the history of one process instance (the
 * events needed to replay its token flow on the diagram), its audit report, and the diagram itself.
 * Who may call them is configured in {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api")
class AuditController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");

  private final AuditVerifier verifier;
  private final InstanceHistory history;
  private final AuditReport report;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AuditController(
      final AuditVerifier verifier,
      final InstanceHistory history,
      final AuditReport report,
      final JdbcTemplate jdbc,
      final ObjectMapper json) {
    this.verifier = verifier;
    this.history = history;
    this.report = report;
    this.jdbc = jdbc;
    this.json = json;
  }

  @GetMapping("/audit/verify")
  Map<String, Object> verify() {
    final AuditVerifier.Result result = verifier.verify();
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("valid", result.valid());
    answer.put("entries", result.entries());
    answer.put("firstBrokenEntry", result.firstBrokenEntry());
    answer.put("archivedEntries", result.archivedEntries());
    return answer;
  }

  @GetMapping("/process-instances/{key}/history")
  Map<String, Object> history(@PathVariable final long key) {
    return history.of(key).orElseThrow(() -> new UnknownProcessInstance(key));
  }

  /**
   * The BPMN XML of a deployed process definition, from the audit log's record of its deployment,
   * so the diagram an instance ran on can be drawn even after newer versions were deployed.
   */
  @GetMapping("/process-definitions/{key}/xml")
  ResponseEntity<String> processDefinitionXml(@PathVariable final long key) {
    final List<String> records =
        jdbc.queryForList(
            // the deployment may have been archived (retention)
            """
            select record_json from (
              select position, record_json from audit_entry
              where value_type = 'PROCESS' and record_type = 'EVENT' and record_key = ?
              union all
              select position, record_json from audit_entry_archive
              where value_type = 'PROCESS' and record_type = 'EVENT' and record_key = ?) deployed
            order by position limit 1
            """,
            String.class,
            key,
            key);
    if (records.isEmpty()) {
      throw new UnknownProcessDefinition(key);
    }
    final JsonNode resource = value(records.get(0)).path("resource");
    if (!resource.isTextual()) {
      throw new UnknownProcessDefinition(key);
    }
    final String xml =
        new String(Base64.getDecoder().decode(resource.asText()), StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(xml);
  }

  /** The instance's audit report: {@code format=html} (default) or {@code pdf}. */
  @GetMapping("/process-instances/{key}/audit-report")
  ResponseEntity<?> auditReport(
      @PathVariable final long key,
      @RequestParam(defaultValue = "html") final String format,
      final Principal principal) {
    final ReportFormat reportFormat = ReportFormat.of(format);
    final String html =
        report
            .html(
                key,
                new AuditReport.Subject(
                    "process instance " + key,
                    "The history of process instance "
                        + key
                        + " and of the instances it called, from the audit log."),
                principal == null ? null : principal.getName())
            .orElseThrow(() -> new UnknownProcessInstance(key));
    return reportFormat.response(html, "audit-report-" + key);
  }

  /** The formats of an audit report. */
  enum ReportFormat {
    HTML,
    PDF;

    static ReportFormat of(final String format) {
      return switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "html" -> HTML;
        case "pdf" -> PDF;
        default -> throw new InvalidRequestField("format", "must be html or pdf");
      };
    }

    ResponseEntity<?> response(final String html, final String fileName) {
      if (this == HTML) {
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(html);
      }
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.inline().filename(fileName + ".pdf").build().toString())
          .body(AuditReport.pdf(html));
    }
  }

  @ExceptionHandler(UnknownProcessInstance.class)
  ProblemDetail notFound(final UnknownProcessInstance e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No process instance " + e.key + " in the audit log.");
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("processInstanceKey", e.key);
    return problem;
  }

  static final class UnknownProcessInstance extends RuntimeException {
    private final long key;

    UnknownProcessInstance(final long key) {
      super(null, null, false, false);
      this.key = key;
    }
  }

  @ExceptionHandler(UnknownProcessDefinition.class)
  ProblemDetail notFound(final UnknownProcessDefinition e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No process definition " + e.key + " in the audit log.");
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("processDefinitionKey", e.key);
    return problem;
  }

  static final class UnknownProcessDefinition extends RuntimeException {
    private final long key;

    UnknownProcessDefinition(final long key) {
      super(null, null, false, false);
      this.key = key;
    }
  }

  private JsonNode value(final String recordJson) {
    try {
      return json.readTree(recordJson).path("value");
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("an audit entry is not JSON", e);
    }
  }
}
