package org.openmineral.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmineral.engine.feed.FeedSubscription;
import org.springframework.jdbc.core.JdbcTemplate;

/** User tasks read from the tables {@link UserTaskProjection} fills from the record feed. */
public final class EmbeddedUserTaskQueries implements UserTaskQueries {
  private static final String SELECT =
      """
      select t.*, p.element_names ->> t.element_id as task_name, f.form_id
        from user_task t
        left join process_definition p on p.process_definition_key = t.process_definition_key
        left join task_form f on f.form_key = t.form_key
      """;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final FeedSubscription feed;

  /**
   * @param feed the record feed's subscription that fills the tables, for {@link #catchUp}
   */
  public EmbeddedUserTaskQueries(
      final JdbcTemplate jdbc, final ObjectMapper json, final FeedSubscription feed) {
    this.jdbc = jdbc;
    this.json = json;
    this.feed = feed;
  }

  /** Waits until the projection has applied everything on the engine's log when called. */
  @Override
  public boolean catchUp(final Duration timeout) {
    return feed.awaitCaughtUp(timeout);
  }

  @Override
  public List<UserTaskView> search(final UserTaskFilter filter, final int limit) {
    final StringBuilder sql = new StringBuilder(SELECT).append(" where t.state = 'CREATED'");
    final List<Object> args = new ArrayList<>();
    if (filter.assignee() != null) {
      sql.append(" and t.assignee = ?");
      args.add(filter.assignee());
    }
    if (filter.candidateGroup() != null) {
      sql.append(" and ? = any(t.candidate_groups)");
      args.add(filter.candidateGroup());
    }
    if (filter.processInstanceKey() != null) {
      sql.append(" and t.process_instance_key = ?");
      args.add(filter.processInstanceKey());
    }
    if (filter.viewer() != null) {
      final String candidate = "(t.candidate_groups && ?::text[] or ? = any(t.candidate_users))";
      sql.append(
          filter.workableOnly()
              ? " and (t.assignee = ? or (t.assignee is null and " + candidate + "))"
              : " and (t.assignee = ? or " + candidate + ")");
      args.add(filter.viewer().user());
      args.add(filter.viewer().groups().toArray(String[]::new));
      args.add(filter.viewer().user());
    }
    sql.append(" order by t.creation_time desc, t.user_task_key desc limit ?");
    args.add(limit);
    return withVariables(jdbc.query(sql.toString(), (rs, i) -> task(rs), args.toArray()));
  }

  @Override
  public Optional<UserTaskView> find(final long userTaskKey) {
    return withVariables(
            jdbc.query(SELECT + " where t.user_task_key = ?", (rs, i) -> task(rs), userTaskKey))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<TaskForm> form(final UserTaskView task) {
    if (task.formKey() == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select form_id, form_key, version, schema from task_form where form_key = ?",
            (rs, i) ->
                new TaskForm(
                    rs.getString("form_id"),
                    rs.getLong("form_key"),
                    rs.getInt("version"),
                    rs.getString("schema")),
            task.formKey())
        .stream()
        .findFirst();
  }

  @Override
  public List<ProcessDefinitionView> processDefinitions() {
    return jdbc.query(
        """
        select process_definition_key, bpmn_process_id, name, version, resource_name
          from process_definition order by bpmn_process_id, version
        """,
        (rs, i) ->
            new ProcessDefinitionView(
                rs.getString("bpmn_process_id"),
                rs.getString("name"),
                rs.getInt("version"),
                rs.getLong("process_definition_key"),
                rs.getString("resource_name")));
  }

  private static UserTaskView task(final ResultSet rs) throws SQLException {
    final long formKey = rs.getLong("form_key");
    final Timestamp completed = rs.getTimestamp("completion_time");
    return new UserTaskView(
        rs.getLong("user_task_key"),
        rs.getString("state"),
        rs.getString("task_name"),
        rs.getString("element_id"),
        rs.getLong("element_instance_key"),
        rs.getString("bpmn_process_id"),
        rs.getLong("process_definition_key"),
        rs.getInt("process_definition_version"),
        rs.getLong("process_instance_key"),
        rs.getString("assignee"),
        strings(rs.getArray("candidate_groups")),
        strings(rs.getArray("candidate_users")),
        rs.getString("form_id"),
        formKey == 0 ? null : formKey,
        rs.getString("due_date"),
        rs.getString("follow_up_date"),
        rs.getTimestamp("creation_time").toInstant(),
        completed == null ? null : completed.toInstant(),
        Map.of());
  }

  private static List<String> strings(final Array array) throws SQLException {
    return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  /** Adds the variables visible to each task: the instance's, overlaid by the task's local ones. */
  private List<UserTaskView> withVariables(final List<UserTaskView> tasks) {
    if (tasks.isEmpty()) {
      return tasks;
    }
    final List<Long> scopes = new ArrayList<>();
    for (final UserTaskView task : tasks) {
      scopes.add(task.processInstanceKey());
      scopes.add(task.elementInstanceKey());
    }
    final Map<Long, Map<String, Object>> byScope = new HashMap<>();
    jdbc.query(
        "select scope_key, name, value::text as value from process_variable"
            + " where scope_key = any(?) order by name",
        rs -> {
          byScope
              .computeIfAbsent(rs.getLong("scope_key"), k -> new LinkedHashMap<>())
              .put(rs.getString("name"), parse(rs.getString("value")));
        },
        (Object) scopes.toArray(Long[]::new));
    final List<UserTaskView> result = new ArrayList<>(tasks.size());
    for (final UserTaskView task : tasks) {
      final Map<String, Object> variables =
          new LinkedHashMap<>(byScope.getOrDefault(task.processInstanceKey(), Map.of()));
      variables.putAll(byScope.getOrDefault(task.elementInstanceKey(), Map.of()));
      result.add(task.withVariables(variables));
    }
    return result;
  }

  private Object parse(final String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (final JsonProcessingException e) {
      return value;
    }
  }
}
