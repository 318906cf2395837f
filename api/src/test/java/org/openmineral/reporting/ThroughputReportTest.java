package org.openmineral.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.ProcessTest;

/**
 * Process throughput and task SLAs from the audit projection of real instances on the embedded
 * engine: the test model {@code sla-check} has two user tasks due one hour after they are created.
 * One instance finishes with its second task completed two (engine) hours late; the other leaves
 * its first task open.
 */
class ThroughputReportTest extends ProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WINDOW =
      "/api/reports/process-throughput?from=2000-01-01&to=8999-01-01";

  @Test
  void throughputAndSlaBreachesComeFromTheProjectedHistory() throws Exception {
    final long finished = start();
    complete(awaitUserTask(finished, "review"));
    final long sign = awaitUserTask(finished, "sign");
    engine.increaseTime(Duration.ofHours(2));
    complete(sign);
    await(instanceCompleted(finished));
    final long open = start();
    awaitUserTask(open, "review");

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              final JsonNode report = get(WINDOW + "&asOf=8999-12-31T00:00:00Z");
              final JsonNode process = find(report.get("processes"), "sla-check", null);
              assertThat(process.get("started").asInt()).isEqualTo(2);
              assertThat(process.get("completed").asInt()).isEqualTo(1);
              assertThat(process.get("active").asInt()).isEqualTo(1);
              assertThat(new BigDecimal(process.get("p50Hours").asText()))
                  .isGreaterThanOrEqualTo(new BigDecimal("2.000"));
              final JsonNode review = find(report.get("tasks"), "sla-check", "review");
              assertThat(review.get("created").asInt()).isEqualTo(2);
              assertThat(review.get("completed").asInt()).isEqualTo(1);
              assertThat(review.get("open").asInt()).isEqualTo(1);
              assertThat(review.get("withDueDate").asInt()).isEqualTo(2);
              assertThat(review.get("completedLate").asInt()).isZero();
              assertThat(review.get("openOverdue").asInt())
                  .as("open past its due date at the report's time")
                  .isEqualTo(1);
              final JsonNode signed = find(report.get("tasks"), "sla-check", "sign");
              assertThat(signed.get("completedLate").asInt()).isEqualTo(1);
              assertThat(signed.get("breaches").asInt()).isEqualTo(1);
              assertThat(new BigDecimal(signed.get("p50HoursToComplete").asText()))
                  .isGreaterThanOrEqualTo(new BigDecimal("2.000"));
            });

    final JsonNode early = get(WINDOW + "&asOf=2000-01-01T00:00:00Z");
    assertThat(find(early.get("tasks"), "sla-check", "review").get("openOverdue").asInt())
        .as("not yet due at an earlier report time")
        .isZero();

    final HttpResponse<String> csv =
        send(WINDOW + "&format=csv&view=tasks&asOf=8999-12-31T00:00:00Z");
    assertThat(csv.statusCode()).isEqualTo(200);
    final List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst()).startsWith("bpmnProcessId,elementId,created,completed,");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("sla-check,review,2,1,0,1,2,0,1,1,"));
    assertThat(send(WINDOW + "&view=nodes&format=csv").statusCode()).isEqualTo(400);
  }

  private long start() {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("sla-check")
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private void complete(final long task) {
    userTasks.claim(task, "risk");
    userTasks.complete(task, Map.of("approved", true));
  }

  private static JsonNode find(final JsonNode rows, final String process, final String element) {
    for (final JsonNode row : rows) {
      if (row.get("bpmnProcessId").asText().equals(process)
          && (element == null || row.get("elementId").asText().equals(element))) {
        return row;
      }
    }
    throw new AssertionError("no row " + process + "/" + element + " in " + rows);
  }

  private JsonNode get(final String path) throws Exception {
    final HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(final String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path)).header("Authorization", bearer("risk")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
