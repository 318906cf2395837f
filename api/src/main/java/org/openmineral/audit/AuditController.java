package org.openmineral.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP: verification of its hash chain, the history of one process instance (the
 * events needed to replay its token flow on the diagram) and the diagram itself. Who may call them
 * is configured in {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api")
class AuditController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");

  /** The events of an instance's history: value type → intents. */
  private static final String HISTORY_EVENTS =
      """
      (value_type = 'PROCESS_INSTANCE' and intent in
          ('ELEMENT_ACTIVATED', 'ELEMENT_COMPLETED', 'ELEMENT_TERMINATED', 'SEQUENCE_FLOW_TAKEN'))
      or (value_type = 'USER_TASK' and intent in
          ('CREATED', 'ASSIGNED', 'UPDATED', 'COMPLETED', 'CANCELED'))
      or (value_type = 'VARIABLE' and intent in ('CREATED', 'UPDATED'))
      or (value_type = 'INCIDENT' and intent in ('CREATED', 'RESOLVED'))
      or (value_type = 'PROCESS_MESSAGE_SUBSCRIPTION' and intent = 'CORRELATED')
      or (value_type = 'TIMER' and intent in ('CREATED', 'TRIGGERED', 'CANCELED'))
      or (value_type = 'JOB' and intent in ('CREATED', 'COMPLETED', 'FAILED', 'ERROR_THROWN'))
      """;

  private final AuditVerifier verifier;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AuditController(final AuditVerifier verifier, final JdbcTemplate jdbc, final ObjectMapper json) {
    this.verifier = verifier;
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
    return answer;
  }

  @GetMapping("/process-instances/{key}/history")
  Map<String, Object> history(@PathVariable final long key) {
    final List<Map<String, Object>> events =
        jdbc.query(
            "select position, record_timestamp, value_type, intent, record_key, element_id,"
                + " bpmn_process_id, actor, record_json from audit_entry"
                + " where process_instance_key = ? and record_type = 'EVENT' and ("
                + HISTORY_EVENTS
                + ") order by partition_id, position",
            (rs, i) -> {
              final JsonNode value = value(rs.getString(9));
              final Map<String, Object> event = new LinkedHashMap<>();
              event.put("position", rs.getLong(1));
              event.put("timestamp", rs.getTimestamp(2).toInstant());
              event.put("valueType", rs.getString(3));
              event.put("intent", rs.getString(4));
              event.put("key", rs.getLong(5));
              event.put("elementId", rs.getString(6));
              event.put("elementType", value.path("bpmnElementType").asText(null));
              event.put("bpmnProcessId", rs.getString(7));
              event.put("actor", rs.getString(8));
              event.put("value", value);
              return event;
            },
            key);
    if (events.isEmpty()) {
      throw new UnknownProcessInstance(key);
    }
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("processInstanceKey", key);
    answer.put("bpmnProcessId", events.get(0).get("bpmnProcessId"));
    answer.put("events", events);
    return answer;
  }

  /**
   * The BPMN XML of a deployed process definition, from the audit log's record of its deployment,
   * so the diagram an instance ran on can be drawn even after newer versions were deployed.
   */
  @GetMapping("/process-definitions/{key}/xml")
  ResponseEntity<String> processDefinitionXml(@PathVariable final long key) {
    final List<String> records =
        jdbc.queryForList(
            "select record_json from audit_entry where value_type = 'PROCESS'"
                + " and record_type = 'EVENT' and record_key = ? order by position limit 1",
            String.class,
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

  private JsonNode value(final String recordJson) {
    try {
      return json.readTree(recordJson).path("value");
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("an audit entry is not JSON", e);
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

  static final class UnknownProcessInstance extends RuntimeException {
    private final long key;

    UnknownProcessInstance(final long key) {
      super(null, null, false, false);
      this.key = key;
    }
  }
}
