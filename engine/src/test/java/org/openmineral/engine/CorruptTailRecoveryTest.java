package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.engine.RecordCollector.event;
import static org.openmineral.engine.RecordCollector.processCompleted;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptTailRecoveryTest {
  @TempDir Path data;

  @Test
  void engineCutsATornLogTailAndCarriesOnWithWhatWasCommitted() throws Exception {
    final long instance;
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector records = new RecordCollector(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(TestProcesses.userTask(), "approval.bpmn")
          .send()
          .join();
      instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("approval")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      records.await("user task", RecordCollector.elementActivated(instance, "approve"));
    }
    // a half-written frame at the end, as a power cut during a write leaves it
    final byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    ByteBuffer.wrap(garbage).putInt(0, 0x4F4D4C47).putInt(4, 4096);
    try (FileChannel log =
        FileChannel.open(data.resolve("log/partition-1.log"), StandardOpenOption.APPEND)) {
      log.write(ByteBuffer.wrap(garbage));
    }

    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        RecordCollector records = new RecordCollector(engine)) {
      assertThat(engine.status().truncatedTailBytes()).isEqualTo(300);
      final long task =
          records
              .await(
                  "the waiting task",
                  r ->
                      event(ValueType.USER_TASK, UserTaskIntent.CREATED).test(r)
                          && ((UserTaskRecordValue) r.getValue()).getProcessInstanceKey()
                              == instance)
              .getKey();
      engine.userTasks().complete(task, null);
      records.await("completed", processCompleted(instance));
    }
  }
}
