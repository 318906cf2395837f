package org.openmineral.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.ProcessTest;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cluster mode's task events: user-task records projected by the audit projection (the code the
 * exporter runs in a broker; here the embedded engine's audit log runs it on the real PostgreSQL)
 * announce themselves on the projection's channel when their transaction commits, and the relay
 * publishes them as {@code task.*} domain events.
 */
class TaskEventRelayTest extends ProcessTest {
  private static final String PROCESS = "task-event-relay-check";

  @Autowired DataSource dataSource;

  /** The events the relay published, in order. */
  static final class Heard implements DomainEvents {
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(final DomainEvent event) {
      events.add(event);
    }

    @Override
    public AutoCloseable subscribe(final Consumer<DomainEvent> listener) {
      throw new UnsupportedOperationException("the relay only publishes");
    }

    boolean has(final String type, final long key) {
      return events.stream()
          .anyMatch(e -> e.type().equals(type) && e.id().equals(Long.toString(key)));
    }
  }

  private TaskEventRelay relay(final Heard heard, final boolean exclusive) {
    return new TaskEventRelay(dataSource, heard, json, exclusive, Duration.ofMillis(200));
  }

  @Test
  void aUserTasksCreationAndCompletionReachTheDomainEventsThroughPostgresql() throws Exception {
    // given the relay listening, and a process with a user task
    final Heard heard = new Heard();
    final TaskEventRelay relay = relay(heard, false);
    relay.start();
    try {
      assertThat(relay.awaitListening(Duration.ofSeconds(10))).isTrue();
      final BpmnModelInstance model =
          Bpmn.createExecutableProcess(PROCESS)
              .startEvent()
              .userTask("check", u -> u.zeebeUserTask().zeebeCandidateGroups("operations"))
              .endEvent()
              .done();
      client.newDeployResourceCommand().addProcessModel(model, PROCESS + ".bpmn").send().join();

      // when an instance creates the task and operations completes it
      final long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      final long task = awaitUserTask(instance, "check");
      Awaitility.await().atMost(WAIT).until(() -> heard.has("task.created", task));
      userTasks.complete(task, Map.of("checked", true));

      // then both changes arrived as task events with the task's key, in order
      Awaitility.await().atMost(WAIT).until(() -> heard.has("task.completed", task));
      final List<String> types =
          heard.events.stream()
              .filter(e -> e.id().equals(Long.toString(task)))
              .map(DomainEvent::type)
              .toList();
      assertThat(types).containsSubsequence("task.created", "task.completed");
    } finally {
      relay.stop();
    }
    assertThat(relay.isRunning()).isFalse();
  }

  @Test
  void withRedisOneInstanceRelaysAndAnotherTakesOverWhenItStops() throws Exception {
    // given two relays that share their events through Redis (exclusive)
    final TaskEventRelay first = relay(new Heard(), true);
    final TaskEventRelay second = relay(new Heard(), true);
    first.start();
    try {
      assertThat(first.awaitListening(Duration.ofSeconds(10))).isTrue();
      second.start();
      // then only the lock holder listens
      assertThat(second.awaitListening(Duration.ofSeconds(1))).isFalse();

      // when the first stops, its connection and lock go, and the second relays
      first.stop();
      assertThat(second.awaitListening(Duration.ofSeconds(10))).isTrue();
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void aNotificationThatIsNoTaskEventIsDropped() {
    final Heard heard = new Heard();
    final TaskEventRelay relay = relay(heard, false);

    relay.publish("not json");
    relay.publish("{\"type\": \"deal.amended\", \"id\": \"1\"}");
    relay.publish("{\"type\": \"task.created\", \"id\": \"42\", \"at\": \"yesterday\"}");
    relay.publish(
        "{\"type\": \"task.assigned\", \"id\": \"43\", \"at\": \"2026-03-02T09:00:00Z\"}");

    assertThat(heard.events)
        .containsExactly(
            new DomainEvent(
                "task.assigned", "43", java.time.Instant.parse("2026-03-02T09:00:00Z")));
  }
}
