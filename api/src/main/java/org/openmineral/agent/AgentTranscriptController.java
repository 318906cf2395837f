package org.openmineral.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/agent-conversations/{id}} (auditor, admin): the steps of the agent runs
 * outside processes (copilot, pre-deal brief) of one conversation, in order, from {@code
 * agent_transcript}. Runs on jobs are in the process instance's history instead.
 */
@RestController
class AgentTranscriptController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  AgentTranscriptController(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/audit/agent-conversations/{id}")
  Map<String, Object> conversation(@PathVariable final String id) {
    final List<Map<String, Object>> steps =
        jdbc.query(
            "select sequence, agent, actor, kind, content, recorded_at from agent_transcript"
                + " where conversation = ? order by sequence",
            (rs, i) -> {
              final Map<String, Object> step = new LinkedHashMap<>();
              step.put("sequence", rs.getInt(1));
              step.put("agent", rs.getString(2));
              step.put("actor", rs.getString(3));
              step.put("kind", rs.getString(4));
              try {
                step.put("content", json.readTree(rs.getString(5)));
              } catch (final JsonProcessingException e) {
                step.put("content", rs.getString(5));
              }
              step.put("recordedAt", rs.getTimestamp(6).toInstant());
              return step;
            },
            id);
    if (steps.isEmpty()) {
      throw new UnknownConversation(id);
    }
    final Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("conversationId", id);
    answer.put("steps", steps);
    return answer;
  }

  @ExceptionHandler(UnknownConversation.class)
  ProblemDetail notFound(final UnknownConversation e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No agent conversation " + e.getMessage() + " was recorded.");
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("field", "id");
    return problem;
  }

  static final class UnknownConversation extends RuntimeException {
    UnknownConversation(final String id) {
      super(id.length() > 64 ? id.substring(0, 64) : id, null, false, false);
    }
  }
}
