package org.openmineral.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code counterparty-onboarding}, one test per path, on the embedded engine with the application's
 * workers, the DMN {@code kyc-risk-rating} and the shipped OFAC snapshots.
 */
class CounterpartyOnboardingProcessTest extends OnboardingProcessSupport {
  @Autowired SanctionsListsOutage outage;

  @Test
  void clearCounterpartyIsRatedLowApprovedOnboardedAndReScreenedAYearLater() {
    final String id = newCounterpartyId();
    final long instance =
        start(
            counterparty(
                id, "Nordvik Smelting AS", "ENTITY", "NO", List.of("Kari Nordmann"), true));

    final long decision = awaitUserTask(instance, "compliance-decision");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("screeningDecision").asText()).isEqualTo("CLEAR");
    assertThat(seen.get("screeningMatches")).isEmpty();
    assertThat(seen.get("riskRating").asText()).isEqualTo("LOW");
    assertThat(seen.get("reviewIntervalMonths").asInt()).isEqualTo(12);
    assertThat(matching(r -> ofInstance(r, instance) && isJob(r, JobIntent.CREATED)))
        .extracting(r -> ((JobRecordValue) r.getValue()).getType())
        .containsExactly("kyc.screen");

    userTasks.claim(decision, "carla.compliance");
    userTasks.complete(
        decision,
        Map.of(
            "complianceDecision", "APPROVE", "complianceComment", "Clear, disclosed, low risk."));

    await(elementCompleted(instance, "onboarded"));
    final Predicate<Record<?>> reviewTimer =
        r -> isEvent(r, ValueType.TIMER, TimerIntent.CREATED) && ofInstance(r, instance);
    final TimerRecordValue timer = (TimerRecordValue) await(reviewTimer).getValue();
    assertThat(timer.getTargetElementId()).isEqualTo("review-due");
    final Instant now = engine.currentTime();
    assertThat(Instant.ofEpochMilli(timer.getDueDate()))
        .isBetween(
            now.atZone(ZoneOffset.UTC).plusMonths(12).minusDays(1).toInstant(),
            now.atZone(ZoneOffset.UTC).plusMonths(12).plusDays(1).toInstant());

    engine.increaseTime(Duration.ofDays(367));

    final Predicate<Record<?>> screened =
        r ->
            ofInstance(r, instance)
                && isJob(r, JobIntent.COMPLETED)
                && ((JobRecordValue) r.getValue()).getType().equals("kyc.screen");
    await(2, screened);
    await(2, elementCompleted(instance, "onboarded"));
    await(2, reviewTimer);
    assertThat(
            matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK)
                .stream()
                .map(Record::getKey)
                .distinct())
        .as("a clear re-screening needs no person")
        .containsExactly(decision);

    client
        .newPublishMessageCommand()
        .messageName("counterparty-offboarded")
        .correlationKey(id)
        .send()
        .join();
    await(elementCompleted(instance, "end-relationship-ended"));
    await(instanceCompleted(instance));
  }

  @Test
  void listedNameIsAPotentialMatchReviewedByAPersonAndRejectedByCompliance() {
    final long instance =
        start(
            counterparty(
                newCounterpartyId(), "Banco Nacional de Cuba", "ENTITY", "CU", List.of(), true));

    final long review = awaitUserTask(instance, "review-hits");
    final Record<?> escalated =
        await(r -> ofInstance(r, instance) && isJob(r, JobIntent.ERROR_THROWN));
    assertThat(((JobRecordValue) escalated.getValue()).getType())
        .isEqualTo("agent.review-screening-hits");
    assertThat(((JobRecordValue) escalated.getValue()).getErrorCode()).isEqualTo("ESCALATE");
    final Map<String, JsonNode> seen = variables(instance);
    assertThat(seen.get("screeningDecision").asText()).isEqualTo("POTENTIAL_MATCH");
    assertThat(seen.get("screeningMatches").get(0).get("listedName").asText())
        .isEqualTo("BANCO NACIONAL DE CUBA");
    assertThat(seen.get("screeningMatches").get(0).get("role").asText()).isEqualTo("COUNTERPARTY");
    assertThat(seen.get("screeningEscalationReason").asText()).isEqualTo("no model configured");
    assertThat(seen.get("riskRating").asText()).isEqualTo("HIGH");
    assertThat(seen.get("reviewIntervalMonths").asInt()).isEqualTo(3);

    userTasks.complete(
        review,
        Map.of(
            "hitsReviewOutcome", "TRUE_MATCH",
            "hitsReviewNotes", "Same name, same country: the listed Cuban state bank."));
    final long decision = awaitUserTask(instance, "compliance-decision");
    userTasks.complete(
        decision,
        Map.of(
            "complianceDecision", "REJECT",
            "complianceComment", "Listed on the OFAC SDN list (CUBA programme)."));

    await(elementCompleted(instance, "end-rejected"));
    await(instanceCompleted(instance));
    assertThat(matching(elementCompleted(instance, "onboarded"))).isEmpty();
  }

  @Test
  void counterpartyInAProhibitedCountryIsRejectedWithoutAPerson() {
    final long instance =
        start(
            counterparty(
                newCounterpartyId(),
                "Caspian Ore Supply Company",
                "ENTITY",
                "IR",
                List.of("Reza Karimi"),
                true));

    await(elementCompleted(instance, "end-prohibited"));
    await(instanceCompleted(instance));
    assertThat(variables(instance).get("riskRating").asText()).isEqualTo("PROHIBITED");
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .isEmpty();
  }

  @Test
  void unavailableListsFailTheJobUntilAnIncidentWhichIsResolvedOnceTheListsAreBack() {
    final String name = "Outage Test Metals " + System.nanoTime() + " Ltd";
    outage.takeDownFor(name);
    try {
      final long instance =
          start(counterparty(newCounterpartyId(), name, "ENTITY", "CH", List.of(), true));

      final Predicate<Record<?>> incidentCreated =
          r -> isEvent(r, ValueType.INCIDENT, IncidentIntent.CREATED) && ofInstance(r, instance);
      // The worker fails the job with a back-off; move the engine clock past each back-off.
      Awaitility.await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                engine.increaseTime(Duration.ofMinutes(1));
                return !matching(incidentCreated).isEmpty();
              });
      final List<Record<?>> failures =
          matching(r -> ofInstance(r, instance) && isJob(r, JobIntent.FAILED));
      assertThat(failures)
          .extracting(r -> ((JobRecordValue) r.getValue()).getRetries())
          .containsExactly(2, 1, 0);
      assertThat(((JobRecordValue) failures.get(0).getValue()).getErrorMessage())
          .contains("Sanctions screening is unavailable");
      final Record<?> incident = await(incidentCreated);
      final IncidentRecordValue value = (IncidentRecordValue) incident.getValue();
      assertThat(value.getElementId()).isEqualTo("screen");
      assertThat(value.getErrorMessage())
          .contains("Sanctions screening failed for '" + name + "'")
          .contains("Sanctions screening is unavailable");

      outage.restoreFor(name);
      client.newUpdateRetriesCommand(value.getJobKey()).retries(1).send().join();
      client.newResolveIncidentCommand(incident.getKey()).send().join();

      final long decision = awaitUserTask(instance, "compliance-decision");
      assertThat(variables(instance).get("screeningDecision").asText()).isEqualTo("CLEAR");
      userTasks.complete(
          decision,
          Map.of("complianceDecision", "REJECT", "complianceComment", "Test counterparty only."));
      await(elementCompleted(instance, "end-rejected"));
    } finally {
      outage.restoreFor(name);
    }
  }

  private static boolean isJob(final Record<?> r, final JobIntent intent) {
    return isEvent(r, ValueType.JOB, intent);
  }
}
