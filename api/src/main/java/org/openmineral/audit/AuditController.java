package org.openmineral.audit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP: verification of its hash chain, and the history of one process instance
 * (the events needed to replay its token flow on the diagram). Who may call them is configured in
 * {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api")
class AuditController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");

  private final AuditVerifier verifier;
  private final InstanceHistory history;

  AuditController(final AuditVerifier verifier, final InstanceHistory history) {
    this.verifier = verifier;
    this.history = history;
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
    return history.of(key).orElseThrow(() -> new UnknownProcessInstance(key));
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
}
