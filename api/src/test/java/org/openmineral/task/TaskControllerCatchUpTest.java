package org.openmineral.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * How the inbox answers while its reads lag the engine: a key the reads learn of only once they
 * caught up is found, not {@code 404}; a key unknown after catching up is {@code 404}; reads that
 * cannot catch up (a cluster's search API) answer at once; a command's effect is read once the
 * reads caught up. The reads here are a stand-in whose "projection" applies the engine's writes
 * only when asked to catch up.
 */
class TaskControllerCatchUpTest {
  private static final long KEY = 4_503_599_627_370_497L;
  private final Authentication compliance =
      new TestingAuthenticationToken("compliance1", null, "ROLE_COMPLIANCE");

  @Test
  void aTaskTheReadsLearnOfByCatchingUpIsFound() {
    final LaggingReads reads = new LaggingReads(true);
    reads.engineWrites(task("CREATED"));
    final TaskController controller = controller(reads, new RecordedCommands(reads));

    final UserTaskView task = controller.get(KEY, compliance);

    assertThat(task.key()).isEqualTo(KEY);
    assertThat(reads.catchUps.get()).isEqualTo(1);
  }

  @Test
  void aKeyUnknownOnceTheReadsCaughtUpIsNotFound() {
    final LaggingReads reads = new LaggingReads(true);
    final TaskController controller = controller(reads, new RecordedCommands(reads));

    assertThatThrownBy(() -> controller.get(KEY, compliance))
        .isInstanceOf(UserTaskNotFoundException.class);
    assertThat(reads.catchUps.get()).isEqualTo(1);
    assertThat(reads.finds.get()).isEqualTo(2);
  }

  @Test
  void readsThatCannotCatchUpAnswerNotFoundAtOnce() {
    final LaggingReads reads = new LaggingReads(false);
    reads.engineWrites(task("CREATED"));
    final TaskController controller = controller(reads, new RecordedCommands(reads));

    assertThatThrownBy(() -> controller.get(KEY, compliance))
        .isInstanceOf(UserTaskNotFoundException.class);
    assertThat(reads.finds.get()).isEqualTo(1);
  }

  @Test
  void aCompletionIsAnsweredOnceTheCaughtUpReadsShowIt() {
    final LaggingReads reads = new LaggingReads(true);
    reads.engineWrites(task("CREATED"));
    reads.catchUp(Duration.ZERO);
    final RecordedCommands commands = new RecordedCommands(reads);
    final TaskController controller = controller(reads, commands);

    assertThat(controller.complete(KEY, Map.of(), compliance).getStatusCode().value())
        .isEqualTo(204);

    assertThat(commands.completed.get()).isEqualTo(1);
    // the completion was read after one catch-up, not polled for
    assertThat(reads.shown.state()).isEqualTo("COMPLETED");
    assertThat(reads.catchUps.get()).isEqualTo(2);
  }

  private TaskController controller(final LaggingReads reads, final UserTaskCommands commands) {
    return new TaskController(reads, commands, new ObjectMapper(), List.of());
  }

  private static UserTaskView task(final String state) {
    return task(state, "CREATED".equals(state) ? null : "compliance1");
  }

  private static UserTaskView task(final String state, final String assignee) {
    return new UserTaskView(
        KEY,
        state,
        "Decide on onboarding",
        "decide",
        KEY - 1,
        "counterparty-onboarding",
        2_251_799_813_685_249L,
        1,
        KEY - 7,
        assignee,
        List.of("compliance"),
        List.of(),
        null,
        null,
        null,
        null,
        Instant.parse("2026-11-25T00:00:00Z"),
        null,
        Map.of());
  }

  /** Reads that show the engine's last write only after {@link #catchUp}, if they can. */
  private static final class LaggingReads implements UserTaskQueries {
    private final boolean canCatchUp;
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger catchUps = new AtomicInteger();
    private UserTaskView written;
    private UserTaskView shown;

    LaggingReads(final boolean canCatchUp) {
      this.canCatchUp = canCatchUp;
    }

    void engineWrites(final UserTaskView task) {
      written = task;
    }

    @Override
    public boolean catchUp(final Duration timeout) {
      if (!canCatchUp) {
        return false;
      }
      catchUps.incrementAndGet();
      shown = written;
      return true;
    }

    @Override
    public Optional<UserTaskView> find(final long userTaskKey) {
      finds.incrementAndGet();
      return Optional.ofNullable(shown).filter(t -> t.key() == userTaskKey);
    }

    @Override
    public List<UserTaskView> search(final UserTaskFilter filter, final int limit) {
      return shown == null ? List.of() : List.of(shown);
    }

    @Override
    public Optional<TaskForm> form(final UserTaskView task) {
      return Optional.empty();
    }

    @Override
    public List<ProcessDefinitionView> processDefinitions() {
      return List.of();
    }
  }

  /** Commands the "engine" applies at once; the reads show them after catching up. */
  private static final class RecordedCommands implements UserTaskCommands {
    private final LaggingReads reads;
    private final AtomicInteger completed = new AtomicInteger();

    RecordedCommands(final LaggingReads reads) {
      this.reads = reads;
    }

    @Override
    public void assign(final long userTaskKey, final String assignee) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void claim(final long userTaskKey, final String assignee) {
      reads.engineWrites(task("CREATED", assignee));
    }

    @Override
    public void unassign(final long userTaskKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void complete(final long userTaskKey, final Map<String, Object> variables) {
      completed.incrementAndGet();
      reads.engineWrites(task("COMPLETED"));
    }
  }
}
