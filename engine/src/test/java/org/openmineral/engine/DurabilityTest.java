package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.engine.RecordCollector.event;
import static org.openmineral.engine.RecordCollector.processCompleted;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {
  @TempDir Path data;

  @Test
  void waitingInstancesSurviveKillNineAndCompleteInTheNextJvm() throws Exception {
    // given an engine in another JVM with instances waiting at a user task, a message and a timer
    final Process child = startScenario();
    final long[] keys;
    try {
      keys = awaitReady(child);
    } finally {
      // when that JVM is killed without any chance to clean up (SIGKILL)
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    final long atUserTask = keys[0];
    final long atMessage = keys[1];
    final long atTimer = keys[2];

    // then a new engine on the same directory restores the checkpoint, replays the tail ...
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector records = new RecordCollector(engine)) {
      assertThat(engine.status().checkpointPosition()).isPositive();
      assertThat(engine.status().healthy()).isTrue();

      // ... and all three instances go on
      final long task =
          records
              .await(
                  "the user task from before the crash",
                  r ->
                      event(ValueType.USER_TASK, UserTaskIntent.CREATED).test(r)
                          && ((UserTaskRecordValue) r.getValue()).getProcessInstanceKey()
                              == atUserTask)
              .getKey();
      engine.userTasks().complete(task, "{\"approvedBy\":\"alice\"}");
      client
          .newPublishMessageCommand()
          .messageName("vessel-nominated")
          .correlationKey("D-200")
          .send()
          .join();
      engine.increaseTime(Duration.ofHours(1).plusSeconds(1));

      records.await("user task instance completed", processCompleted(atUserTask));
      records.await("message instance completed", processCompleted(atMessage));
      records.await("timer instance completed", processCompleted(atTimer));

      // new keys continue after the old ones
      final long next =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("approval")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      assertThat(next).isGreaterThan(Math.max(atUserTask, Math.max(atMessage, atTimer)));
    }
  }

  private Process startScenario() throws Exception {
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    final List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DurabilityScenario.class.getName());
    command.add(data.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static long[] awaitReady(final Process child) throws Exception {
    final StringBuilder output = new StringBuilder();
    final CompletableFuture<long[]> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  output.append(line).append('\n');
                  if (line.startsWith("READY ")) {
                    final String[] parts = line.split(" ");
                    return new long[] {
                      Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])
                    };
                  }
                }
                throw new IllegalStateException("scenario JVM ended before READY:\n" + output);
              } catch (final java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      return ready.get(120, TimeUnit.SECONDS);
    } catch (final java.util.concurrent.TimeoutException e) {
      throw new AssertionError("scenario JVM not ready within 120 s:\n" + output, e);
    }
  }
}
