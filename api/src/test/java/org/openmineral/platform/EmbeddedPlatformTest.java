package org.openmineral.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.platform.engine.ResourceDeployer;
import org.openmineral.task.UserTaskCommands;
import org.openmineral.task.UserTaskConflictException;
import org.openmineral.task.UserTaskNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application in its default mode: embedded engine, embedded PostgreSQL. */
class EmbeddedPlatformTest extends ApplicationTest {
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired UserTaskCommands userTasks;
  @Autowired ResourceDeployer deployer;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void healthReportsTheEmbeddedEnginePartitionDataDirectoryAndDatabase() throws Exception {
    final HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url("/actuator/health"))
                    .header("Authorization", bearer("operations"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode health = json.readTree(response.body());
    assertThat(health.at("/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/details/mode").asText()).isEqualTo("embedded");
    assertThat(health.at("/components/engine/details/partitions/1").asText()).isEqualTo("HEALTHY");
    assertThat(health.at("/components/engine/details/dataDirectory").asText())
        .isEqualTo(DATA_DIRECTORY.resolve("engine").toAbsolutePath().toString());
    assertThat(health.at("/components/database/details/mode").asText()).isEqualTo("embedded");
    assertThat(health.at("/components/database/details/product").asText())
        .startsWith("PostgreSQL 17");
  }

  @Test
  void startUpDeployedModelsAndFormsAndRedeployingUnchangedOnesAddsNoVersion() {
    final var again = deployer.deploy();

    assertThat(again.getProcesses())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.getVersion()).isEqualTo(1));
    assertThat(again.getForm())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.getVersion()).isEqualTo(1));
    assertThat(
            jdbc.queryForList(
                "select resource_type || ':' || resource_id || ':' || version from deployed_resource order by 1",
                String.class))
        .contains("FORM:platform-check:1", "PROCESS:platform-check:1")
        .doesNotHaveDuplicates();
  }

  @Test
  void userTaskIsClaimedAndCompletedThroughTheApplicationPort() {
    final List<Record<?>> records = new CopyOnWriteArrayList<>();
    try (FeedSubscription feed = engine.recordFeed().subscribe("test", -1, records::add)) {
      final long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("platform-check")
              .latestVersion()
              .variables(Map.of("dealId", "D-9"))
              .send()
              .join()
              .getProcessInstanceKey();
      final Record<?> created =
          awaitRecord(
              records,
              r ->
                  isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED)
                      && ((UserTaskRecordValue) r.getValue()).getProcessInstanceKey() == instance);
      assertThat(((UserTaskRecordValue) created.getValue()).getFormKey()).isPositive();
      final long task = created.getKey();

      userTasks.claim(task, "alice");
      assertThatThrownBy(() -> userTasks.claim(task, "bob"))
          .isInstanceOf(UserTaskConflictException.class);
      userTasks.complete(task, Map.of("approved", true));

      final Record<?> done =
          awaitRecord(
              records,
              r ->
                  isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
                      && r.getKey() == instance
                      && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                          == BpmnElementType.PROCESS);
      assertThat(done).isNotNull();
      assertThatThrownBy(() -> userTasks.complete(task, Map.of()))
          .isInstanceOf(UserTaskNotFoundException.class);
    }
  }

  private static boolean isEvent(final Record<?> r, final ValueType type, final Object intent) {
    return r.getRecordType() == RecordType.EVENT
        && r.getValueType() == type
        && r.getIntent() == intent;
  }

  private static Record<?> awaitRecord(
      final List<Record<?>> records, final java.util.function.Predicate<Record<?>> predicate) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> records.stream().filter(predicate).findFirst().orElse(null), r -> r != null);
  }
}
