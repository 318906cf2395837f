package org.openmineral.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openmineral.workers.agent.AgentAuditTrail;
import org.openmineral.workers.agent.AgentTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only {@code agent_transcript} table of {@code V13__agents.sql}: the steps of agent
 * runs that belong to no process instance (the copilot), one row per step, keyed by the
 * conversation (the task's subject) and the step's number within the conversation.
 */
@Component
public class AgentTranscripts implements AgentAuditTrail {
  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  public AgentTranscripts(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(final AgentTask task, final Step step) {
    final String content;
    try {
      content = json.writeValueAsString(step.content());
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // numbered within the conversation, across its runs (one run per message)
    jdbc.update(
        "insert into agent_transcript (conversation, agent, actor, sequence, kind, content)"
            + " select ?, ?, ?, coalesce(max(sequence), 0) + 1, ?, ? from agent_transcript"
            + " where conversation = ?",
        task.subject(),
        task.agent(),
        task.actor(),
        step.kind().name(),
        content,
        task.subject());
  }
}
