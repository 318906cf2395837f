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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.KycStatus;
import org.openmineral.workers.kyc.CounterpartyRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code counterparty-onboarding}, one test per path, on the embedded engine with the application's
 * workers, the DMN {@code kyc-risk-rating} and the shipped OFAC snapshots.
 */
class CounterpartyOnboardingProcessTest extends OnboardingProcessSupport {
  @Autowired SanctionsListsOutage outage;
  @Autowired CounterpartyRecords records;

  @Test
  void clearCounterpartyIsRatedLowApprovedOnboardedAndReScreenedAYearLater() {
    final String id =
        newCounterpartyId("Nordvik Smelting AS", "ENTITY", "NO", List.of("Kari Nordmann"));
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
        .containsExactly("kyc.screen", "kyc.record-outcome");
    final Counterparty underReview = awaitStatus(id, KycStatus.UNDER_REVIEW);
    assertThat(underReview.getRiskRating()).isEqualTo("LOW");
    assertThat(underReview.getLatestScreeningDecision()).isEqualTo("CLEAR");
    assertThat(underReview.getNextReviewDate()).isNull();

    userTasks.claim(decision, "carla.compliance");
    userTasks.complete(
        decision,
        Map.of(
            "complianceDecision", "APPROVE", "complianceComment", "Clear, disclosed, low risk."));

    await(elementCompleted(instance, "onboarded"));
    final Counterparty approved = stored(id);
    assertThat(approved.getKycStatus()).isEqualTo(KycStatus.APPROVED);
    assertThat(approved.getRiskRating()).isEqualTo("LOW");
    final LocalDate today = LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
    assertThat(approved.getNextReviewDate())
        .isBetween(today.plusMonths(12).minusDays(1), today.plusMonths(12));
    assertThat(approved.getUpdatedBy()).isEqualTo("process:counterparty-onboarding");
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
    final LocalDate reScreened = LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
    final Counterparty stillApproved = stored(id);
    assertThat(stillApproved.getKycStatus()).isEqualTo(KycStatus.APPROVED);
    assertThat(stillApproved.getNextReviewDate())
        .as("the re-screening moved the next review a year on")
        .isBetween(reScreened.plusMonths(12).minusDays(1), reScreened.plusMonths(12));
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
    assertThat(stored(id).getKycStatus()).isEqualTo(KycStatus.OFFBOARDED);
    assertThat(stored(id).getNextReviewDate()).isNull();
  }

  @Test
  void listedNameIsAPotentialMatchReviewedByAPersonAndRejectedByCompliance() {
    final Map<String, Object> cuban =
        newCounterparty("Banco Nacional de Cuba", "ENTITY", "CU", List.of(), true);
    final String id = (String) cuban.get("counterpartyId");
    final long instance = start(cuban);

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
    final Counterparty rejected = stored(id);
    assertThat(rejected.getKycStatus()).isEqualTo(KycStatus.REJECTED);
    assertThat(rejected.getRiskRating()).isEqualTo("HIGH");
    assertThat(rejected.getLatestScreeningDecision()).isEqualTo("POTENTIAL_MATCH");
  }

  @Test
  void counterpartyInAProhibitedCountryIsRejectedWithoutAPerson() {
    final Map<String, Object> iranian =
        newCounterparty("Caspian Ore Supply Company", "ENTITY", "IR", List.of("Reza Karimi"), true);
    final long instance = start(iranian);

    await(elementCompleted(instance, "end-prohibited"));
    await(instanceCompleted(instance));
    assertThat(variables(instance).get("riskRating").asText()).isEqualTo("PROHIBITED");
    assertThat(matching(r -> ofInstance(r, instance) && r.getValueType() == ValueType.USER_TASK))
        .isEmpty();
    final Counterparty rejected = stored((String) iranian.get("counterpartyId"));
    assertThat(rejected.getKycStatus()).isEqualTo(KycStatus.REJECTED);
    assertThat(rejected.getRiskRating()).isEqualTo("PROHIBITED");
  }

  @Test
  void aRedeliveredRecordingJobWritesItsOutcomeOnce() {
    final String id = newCounterpartyId("Redelivery Test Metals AG", "ENTITY", "CH", List.of());
    final CounterpartyRecords.KycOutcome outcome =
        new CounterpartyRecords.KycOutcome(
            System.nanoTime(), 1L, "record-approved", id, "APPROVED", "LOW", "CLEAR", null);
    assertThat(records.recordKycOutcome(outcome)).isTrue();
    final long version = stored(id).getVersion();
    assertThat(records.recordKycOutcome(outcome)).as("the same job again").isFalse();
    assertThat(stored(id).getVersion()).isEqualTo(version);
    assertThat(stored(id).getKycStatus()).isEqualTo(KycStatus.APPROVED);
  }

  @Test
  void aProcessForAnUnknownCounterpartyRaisesAnIncidentOnRecording() {
    final String unknown = UUID.randomUUID().toString();
    final long instance =
        start(counterparty(unknown, "Ghost Trading Ltd", "ENTITY", "IR", List.of(), true));
    final Record<?> incident =
        await(
            r -> isEvent(r, ValueType.INCIDENT, IncidentIntent.CREATED) && ofInstance(r, instance));
    final IncidentRecordValue value = (IncidentRecordValue) incident.getValue();
    assertThat(value.getElementId()).isEqualTo("record-prohibited");
    assertThat(value.getErrorMessage()).contains("no counterparty with id " + unknown);
  }

  @Test
  void unavailableListsFailTheJobUntilAnIncidentWhichIsResolvedOnceTheListsAreBack() {
    final String name = "Outage Test Metals " + System.nanoTime() + " Ltd";
    outage.takeDownFor(name);
    try {
      final long instance = start(newCounterparty(name, "ENTITY", "CH", List.of(), true));

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
