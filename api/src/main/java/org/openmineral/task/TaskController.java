package org.openmineral.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openmineral.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task inbox: open Camunda user tasks, their forms, claim, unclaim and complete. Reads go
 * through {@link UserTaskQueries}, commands through {@link UserTaskCommands}. A user may see and
 * work on the tasks assigned to them or offered to them or one of their roles (role names are
 * candidate group names); {@code admin} may do anything, {@code auditor} may read every task.
 * Completing an unassigned task claims it for the caller first. Since the reads lag the engine a
 * little, each command waits (up to {@link #READ_YOUR_WRITES}) until the reads show its effect, and
 * a key the reads do not know yet is looked up again once they have caught up with the engine (up
 * to {@link #CATCH_UP}): a client that learned of a task from the engine is not told 404 for it.
 */
@RestController
@RequestMapping("/api")
public class TaskController {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");
  static final URI CONFLICT = URI.create("https://openmineral.org/problems/conflict");
  static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
  static final Duration CATCH_UP = Duration.ofSeconds(2);
  static final int MAX_LIMIT = 500;

  private final UserTaskQueries queries;
  private final UserTaskCommands commands;
  private final ObjectMapper json;
  private final List<TaskCompletionGuard> guards;

  public TaskController(
      final UserTaskQueries queries,
      final UserTaskCommands commands,
      final ObjectMapper json,
      final List<TaskCompletionGuard> guards) {
    this.queries = queries;
    this.commands = commands;
    this.json = json;
    this.guards = List.copyOf(guards);
  }

  /** The caller: username from the token and the application roles it carries. */
  record Actor(String user, List<String> roles) {
    static Actor of(final Authentication authentication) {
      final List<String> roles =
          Roles.ALL.stream()
              .filter(
                  role ->
                      authentication.getAuthorities().stream()
                          .anyMatch(
                              a -> a.getAuthority().equals("ROLE_" + Roles.authorityName(role))))
              .toList();
      return new Actor(authentication.getName(), roles);
    }

    boolean admin() {
      return roles.contains(Roles.ADMIN);
    }

    boolean mayWorkOn(final UserTaskView task) {
      return admin()
          || user.equals(task.assignee())
          || task.candidateUsers().contains(user)
          || task.candidateGroups().stream().anyMatch(roles::contains);
    }

    boolean maySee(final UserTaskView task) {
      return mayWorkOn(task) || roles.contains(Roles.AUDITOR);
    }

    UserTaskFilter.Viewer viewer() {
      return admin() || roles.contains(Roles.AUDITOR)
          ? null
          : new UserTaskFilter.Viewer(user, roles);
    }
  }

  @GetMapping("/tasks")
  List<UserTaskView> list(
      @RequestParam(required = false) final String assignee,
      @RequestParam(required = false) final String candidateGroup,
      @RequestParam(required = false) final Long processInstanceKey,
      @RequestParam(defaultValue = "100") final int limit,
      final Authentication authentication) {
    final Actor actor = Actor.of(authentication);
    final String assigneeFilter = "me".equals(assignee) ? actor.user() : assignee;
    final boolean workableOnly =
        assigneeFilter == null && candidateGroup == null && processInstanceKey == null;
    final UserTaskFilter.Viewer viewer =
        workableOnly ? new UserTaskFilter.Viewer(actor.user(), actor.roles()) : actor.viewer();
    final UserTaskFilter filter =
        new UserTaskFilter(
            assigneeFilter,
            candidateGroup,
            processInstanceKey,
            workableOnly && actor.admin() ? null : viewer,
            workableOnly);
    return queries.search(filter, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  @GetMapping("/tasks/{key}")
  UserTaskView get(@PathVariable final long key, final Authentication authentication) {
    final UserTaskView task = visible(key, Actor.of(authentication));
    return task.formId() == null && task.formKey() != null
        ? queries.form(task).map(form -> withFormId(task, form)).orElse(task)
        : task;
  }

  @GetMapping(value = "/tasks/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  String form(@PathVariable final long key, final Authentication authentication) {
    final UserTaskView task = visible(key, Actor.of(authentication));
    return queries
        .form(task)
        .map(TaskForm::schema)
        .orElseThrow(() -> new UserTaskNotFoundException(key, "The task has no form.", null));
  }

  @PostMapping("/tasks/{key}/claim")
  UserTaskView claim(@PathVariable final long key, final Authentication authentication) {
    final Actor actor = Actor.of(authentication);
    final UserTaskView task = workable(key, actor);
    if (task.assignee() != null && !task.assignee().equals(actor.user())) {
      throw new UserTaskConflictException(
          key,
          "The task is assigned to " + task.assignee() + "; they must unclaim it first.",
          null);
    }
    commands.claim(key, actor.user());
    return awaitRead(key, t -> actor.user().equals(t.assignee()));
  }

  @PostMapping("/tasks/{key}/unclaim")
  UserTaskView unclaim(@PathVariable final long key, final Authentication authentication) {
    final Actor actor = Actor.of(authentication);
    final UserTaskView task = workable(key, actor);
    if (task.assignee() != null && !task.assignee().equals(actor.user()) && !actor.admin()) {
      throw new AccessDeniedException("Only the assignee or an admin may unclaim the task.");
    }
    commands.unassign(key);
    return awaitRead(key, t -> t.assignee() == null);
  }

  @PostMapping("/tasks/{key}/complete")
  ResponseEntity<Void> complete(
      @PathVariable final long key,
      @RequestBody(required = false) final Map<String, Object> variables,
      final Authentication authentication) {
    final Actor actor = Actor.of(authentication);
    final UserTaskView task = workable(key, actor);
    if (task.assignee() != null && !task.assignee().equals(actor.user())) {
      throw new UserTaskConflictException(
          key, "The task is assigned to " + task.assignee() + ", not to you.", null);
    }
    final Map<String, Object> submitted = variables == null ? Map.of() : variables;
    final TaskForm form = queries.form(task).orElse(null);
    if (form != null) {
      TaskFormValidator.validate(parse(form.schema()), submitted, task.variables());
    } else if (!submitted.isEmpty() && task.formKey() != null) {
      throw new IllegalStateException("The form of task " + key + " is not known yet.");
    }
    final Map<String, Object> completion = new java.util.LinkedHashMap<>(submitted);
    for (final TaskCompletionGuard guard : guards) {
      completion.putAll(guard.beforeCompletion(task, actor.user(), submitted));
    }
    if (task.assignee() == null) {
      commands.claim(key, actor.user());
    }
    commands.complete(key, completion);
    awaitRead(key, t -> !t.open());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/process-definitions")
  List<ProcessDefinitionView> processDefinitions() {
    return queries.processDefinitions();
  }

  @ExceptionHandler(UserTaskNotFoundException.class)
  ProblemDetail notFound(final UserTaskNotFoundException e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "No user task "
                + e.userTaskKey()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("taskKey", e.userTaskKey());
    return problem;
  }

  @ExceptionHandler(UserTaskConflictException.class)
  ProblemDetail conflict(final UserTaskConflictException e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "User task " + e.userTaskKey() + ": " + e.getMessage());
    problem.setType(CONFLICT);
    problem.setTitle("Conflict");
    problem.setProperty("taskKey", e.userTaskKey());
    return problem;
  }

  private UserTaskView visible(final long key, final Actor actor) {
    final UserTaskView task =
        find(key).orElseThrow(() -> new UserTaskNotFoundException(key, "unknown key", null));
    if (!actor.maySee(task)) {
      throw new AccessDeniedException("The task is not offered to you or your roles.");
    }
    return task;
  }

  /** The open task if the actor may work on it: 404 unknown, 403 not theirs, 409 not open. */
  private UserTaskView workable(final long key, final Actor actor) {
    final UserTaskView task =
        find(key).orElseThrow(() -> new UserTaskNotFoundException(key, "unknown key", null));
    if (!actor.mayWorkOn(task)) {
      throw new AccessDeniedException("The task is not offered to you or your roles.");
    }
    if (!task.open()) {
      throw new UserTaskConflictException(
          key, "The task is " + task.state().toLowerCase(java.util.Locale.ROOT) + ".", null);
    }
    return task;
  }

  /** The task; if the reads do not know it, again once they have caught up with the engine. */
  private Optional<UserTaskView> find(final long key) {
    final Optional<UserTaskView> task = queries.find(key);
    return task.isPresent() || !queries.catchUp(CATCH_UP) ? task : queries.find(key);
  }

  /**
   * The task once the reads show {@code applied}: after they caught up with the engine (the
   * command's effect is on the engine's log when the command returns), else polled every 20 ms, up
   * to {@link #READ_YOUR_WRITES}; as last read if that passes.
   */
  private UserTaskView awaitRead(final long key, final Predicate<UserTaskView> applied) {
    final long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
    boolean caughtUp = false;
    UserTaskView task = null;
    while (true) {
      task = queries.find(key).orElse(null);
      final long left = deadline - System.nanoTime();
      if (task != null && applied.test(task) || left <= 0) {
        return task;
      }
      if (!caughtUp) {
        caughtUp = queries.catchUp(Duration.ofNanos(left));
        if (caughtUp) {
          continue;
        }
      }
      try {
        Thread.sleep(20);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        return task;
      }
    }
  }

  private JsonNode parse(final String schema) {
    try {
      return json.readTree(schema);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("The task's form is not valid JSON.", e);
    }
  }

  private static UserTaskView withFormId(final UserTaskView t, final TaskForm form) {
    return new UserTaskView(
        t.key(),
        t.state(),
        t.name(),
        t.elementId(),
        t.elementInstanceKey(),
        t.processDefinitionId(),
        t.processDefinitionKey(),
        t.processDefinitionVersion(),
        t.processInstanceKey(),
        t.assignee(),
        t.candidateGroups(),
        t.candidateUsers(),
        form.formId(),
        t.formKey(),
        t.dueDate(),
        t.followUpDate(),
        t.creationTime(),
        t.completionTime(),
        t.variables());
  }
}
