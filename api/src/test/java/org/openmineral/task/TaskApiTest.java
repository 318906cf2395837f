package org.openmineral.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmineral.ApplicationTest;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task inbox over HTTP with the demo users' tokens, on a real {@code counterparty-onboarding}
 * instance; the process is observed through the engine's record feed.
 */
class TaskApiTest extends ApplicationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired EmbeddedEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  private final List<Record<?>> records = new CopyOnWriteArrayList<>();
  private FeedSubscription feed;

  @BeforeEach
  void subscribe() {
    feed = engine.recordFeed().subscribe(getClass().getSimpleName(), -1, records::add);
  }

  @AfterEach
  void unsubscribe() {
    feed.close();
  }

  @Test
  void complianceListsClaimsAndCompletesTheOnboardingDecisionThroughItsForm() throws Exception {
    // a trader records a clear counterparty: that starts its onboarding
    final HttpResponse<String> created =
        post(
            "/api/counterparties",
            "trader",
            Map.of(
                "name",
                "Nordvik Smelting AS",
                "type",
                "ENTITY",
                "country",
                "NO",
                "ultimateBeneficialOwners",
                List.of("Kari Nordmann"),
                "ownershipDisclosed",
                true));
    assertThat(created.statusCode()).isEqualTo(201);
    final long instance =
        JSON.readTree(created.body()).get("onboardingProcessInstanceKey").asLong();

    // compliance's inbox (the default listing) shows the decision, unassigned, with its variables
    final JsonNode task =
        Awaitility.await()
            .atMost(WAIT)
            .until(() -> taskOf(get("/api/tasks", "compliance"), instance), t -> t != null);
    final long key = task.get("key").asLong();
    assertThat(task.get("name").asText()).isEqualTo("Decide on onboarding");
    assertThat(task.get("elementId").asText()).isEqualTo("compliance-decision");
    assertThat(task.get("processDefinitionId").asText()).isEqualTo("counterparty-onboarding");
    assertThat(task.get("candidateGroups"))
        .extracting(JsonNode::asText)
        .containsExactly("compliance");
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(task.get("formId").asText()).isEqualTo("kyc-compliance-decision");
    assertThat(task.get("dueDate").asText()).isNotBlank();
    assertThat(task.get("creationTime").asText()).isNotBlank();
    assertThat(task.get("variables").get("riskRating").asText()).isEqualTo("LOW");
    assertThat(task.get("variables").get("name").asText()).isEqualTo("Nordvik Smelting AS");
    assertThat(
            taskOf(
                get(
                    "/api/tasks?candidateGroup=compliance&processInstanceKey=" + instance,
                    "compliance"),
                instance))
        .isNotNull();

    // a trader neither sees it nor may claim it
    assertThat(taskOf(get("/api/tasks", "trader"), instance)).isNull();
    assertThat(taskOf(get("/api/tasks?processInstanceKey=" + instance, "trader"), instance))
        .isNull();
    assertThat(post("/api/tasks/" + key + "/claim", "trader", null).statusCode()).isEqualTo(403);

    // the form, for form-js
    final HttpResponse<String> form =
        send("GET", "/api/tasks/" + key + "/form", "compliance", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).get("id").asText()).isEqualTo("kyc-compliance-decision");

    final HttpResponse<String> claimed = post("/api/tasks/" + key + "/claim", "compliance", null);
    assertThat(claimed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(claimed.body()).get("assignee").asText()).isEqualTo("compliance");
    assertThat(taskOf(get("/api/tasks?assignee=me", "compliance"), instance)).isNotNull();

    assertProblem(
        post(
            "/api/tasks/" + key + "/complete",
            "compliance",
            Map.of("complianceDecision", "REJECT")),
        400,
        "complianceComment");
    assertProblem(
        post(
            "/api/tasks/" + key + "/complete",
            "compliance",
            Map.of("complianceDecision", "MAYBE", "complianceComment", "Not sure about this one.")),
        400,
        "complianceDecision");
    assertProblem(
        post(
            "/api/tasks/" + key + "/complete",
            "compliance",
            Map.of(
                "complianceDecision", "REJECT",
                "complianceComment", "Test counterparty only.",
                "riskRating", "LOW")),
        400,
        "riskRating");

    final HttpResponse<String> completed =
        post(
            "/api/tasks/" + key + "/complete",
            "compliance",
            Map.of("complianceDecision", "REJECT", "complianceComment", "Test counterparty only."));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                records.stream()
                    .anyMatch(
                        r ->
                            r.getRecordType() == RecordType.EVENT
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                                && r.getValue() instanceof ProcessInstanceRecordValue v
                                && v.getProcessInstanceKey() == instance
                                && v.getElementId().equals("end-rejected")));

    assertThat(post("/api/tasks/" + key + "/complete", "compliance", Map.of()).statusCode())
        .isEqualTo(409);
    assertThat(taskOf(get("/api/tasks", "compliance"), instance)).isNull();
    assertProblem(send("GET", "/api/tasks/1234567", "compliance", null), 404, null);
    assertProblem(post("/api/tasks/1234567/claim", "compliance", null), 404, null);

    final JsonNode definitions = JSON.readTree(get("/api/process-definitions", "auditor").body());
    assertThat(definitions)
        .anySatisfy(
            d -> {
              assertThat(d.get("id").asText()).isEqualTo("counterparty-onboarding");
              assertThat(d.get("name").asText()).isNotBlank();
              assertThat(d.get("version").asInt()).isPositive();
            });

    projectionAppliesARecordOnce(instance);
  }

  /** Feeding the same record twice writes once: the second delivery is skipped by position. */
  private void projectionAppliesARecordOnce(final long instance) {
    final Record<?> variable =
        records.stream()
            .filter(
                r ->
                    r.getRecordType() == RecordType.EVENT
                        && r.getValueType() == ValueType.VARIABLE
                        && r.getIntent() == VariableIntent.CREATED
                        && ((VariableRecordValue) r.getValue()).getProcessInstanceKey() == instance)
            .findFirst()
            .orElseThrow();
    final VariableRecordValue value = (VariableRecordValue) variable.getValue();
    final UserTaskProjection replay =
        new UserTaskProjection(
            jdbc, new TransactionTemplate(transactionManager), "replay-" + System.nanoTime());
    final String where = " from process_variable where scope_key = ? and name = ?";
    jdbc.update("delete" + where, value.getScopeKey(), value.getName());

    replay.apply(variable);
    assertThat(replay.position()).isEqualTo(variable.getPosition());
    assertThat(
            jdbc.queryForObject(
                "select value = ?::jsonb" + where,
                Boolean.class,
                value.getValue(),
                value.getScopeKey(),
                value.getName()))
        .isTrue();
    jdbc.update(
        "update process_variable set value = '\"sentinel\"' where scope_key = ? and name = ?",
        value.getScopeKey(),
        value.getName());

    replay.apply(variable);
    assertThat(
            jdbc.queryForObject(
                "select value::text" + where, String.class, value.getScopeKey(), value.getName()))
        .isEqualTo("\"sentinel\"");
    assertThat(replay.position()).isEqualTo(variable.getPosition());
  }

  private static void assertProblem(
      final HttpResponse<String> response, final int status, final String field)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    if (field != null) {
      assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }
  }

  private static JsonNode taskOf(final HttpResponse<String> response, final long instance)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
        .filter(t -> t.get("processInstanceKey").asLong() == instance)
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> get(final String path, final String user) throws Exception {
    return send("GET", path, user, null);
  }

  private HttpResponse<String> post(final String path, final String user, final Object body)
      throws Exception {
    return send("POST", path, user, body);
  }

  private HttpResponse<String> send(
      final String method, final String path, final String user, final Object body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
