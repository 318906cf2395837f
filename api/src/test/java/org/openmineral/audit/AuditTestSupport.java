package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.openmineral.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit tests over HTTP with the demo users' tokens, on real {@code counterparty-onboarding}
 * instances, and tampering done behind the application's back.
 */
abstract class AuditTestSupport extends ProcessTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** An onboarding decided by compliance in {@code compliance-decision}. */
  record Onboarding(long instance, String counterpartyId) {}

  /**
   * A trader records a clear counterparty; compliance decides ({@code APPROVE} or {@code REJECT}).
   */
  Onboarding decidedOnboarding(final String name, final String decision) throws Exception {
    final HttpResponse<String> created =
        post(
            "/api/counterparties",
            "trader",
            Map.of(
                "name",
                name,
                "type",
                "ENTITY",
                "country",
                "GB",
                "ultimateBeneficialOwners",
                List.of("Jane Auditable"),
                "ownershipDisclosed",
                true));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    final JsonNode counterparty = json.readTree(created.body());
    final long instance = counterparty.get("onboardingProcessInstanceKey").asLong();
    final long task = awaitUserTask(instance, "compliance-decision");
    final HttpResponse<String> completed =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    post(
                        "/api/tasks/" + task + "/complete",
                        "compliance",
                        Map.of(
                            "complianceDecision",
                            decision,
                            "complianceComment",
                            "Audit test counterparty.")),
                r -> r.statusCode() != 404);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    return new Onboarding(instance, counterparty.get("id").asText());
  }

  /** The instance's history once the audit log has its end (the process instance completed). */
  JsonNode completedHistory(final long instance) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> history(instance, "auditor"),
            h ->
                h != null
                    && events(h).stream()
                        .anyMatch(
                            e ->
                                "PROCESS".equals(e.path("elementType").asText())
                                    && e.get("processInstanceKey").asLong() == instance
                                    && e.get("intent").asText().equals("ELEMENT_COMPLETED")));
  }

  JsonNode history(final long instance, final String user) throws Exception {
    final HttpResponse<String> response =
        send("/api/process-instances/" + instance + "/history", user);
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }

  static List<JsonNode> events(final JsonNode history) {
    return StreamSupport.stream(history.get("events").spliterator(), false).toList();
  }

  JsonNode verify(final String user) throws Exception {
    final HttpResponse<String> response = send("/api/audit/verify", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /**
   * Runs {@code check} after {@code tampering}, done as the database superuser with every trigger
   * off ({@code session_replication_role = replica}), in one transaction that is rolled back: the
   * check sees the tampered rows, nobody else ever does.
   */
  <T> T tamperedThenRolledBack(final String tampering, final Supplier<T> check) {
    final TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return transaction.execute(
        status -> {
          status.setRollbackOnly();
          jdbc.execute("set local session_replication_role = replica");
          jdbc.execute(tampering);
          jdbc.execute("set local session_replication_role = origin");
          return check.get();
        });
  }

  HttpResponse<String> send(final String path, final String user) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> sendForBytes(final String path, final String user) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(final String path, final String user, final Object body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
