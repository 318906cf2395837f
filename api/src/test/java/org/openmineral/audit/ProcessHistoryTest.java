package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.DecisionEvaluationRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection of what the processes produce, on an approved onboarding that waits for its
 * periodic review and is offboarded by a message: every audited record of the log in the chain
 * once, the structured history (elements with their ends, the user task with who completed it and
 * what, the DMN evaluation with its inputs, the timer, the correlated message, variables over
 * time), and a projection that starts again from the beginning of the log writing nothing twice.
 */
class ProcessHistoryTest extends AuditTestSupport {
  /**
   * The events an instance's replay lists, by value type: intents (docs/audit.md; the view {@code
   * history_event} selects them from the audit entries).
   */
  static final Map<ValueType, Set<String>> REPLAYED =
      Map.of(
          ValueType.PROCESS_INSTANCE,
          Set.of(
              "ELEMENT_ACTIVATED",
              "ELEMENT_COMPLETED",
              "ELEMENT_TERMINATED",
              "SEQUENCE_FLOW_TAKEN"),
          ValueType.USER_TASK,
          Set.of("CREATED", "ASSIGNED", "UPDATED", "COMPLETED", "CANCELED"),
          ValueType.VARIABLE,
          Set.of("CREATED", "UPDATED"),
          ValueType.INCIDENT,
          Set.of("CREATED", "RESOLVED"),
          ValueType.PROCESS_MESSAGE_SUBSCRIPTION,
          Set.of("CORRELATED"),
          ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
          Set.of("CORRELATED"),
          ValueType.TIMER,
          Set.of("CREATED", "TRIGGERED", "CANCELED"),
          ValueType.JOB,
          Set.of("CREATED", "COMPLETED", "FAILED", "ERROR_THROWN"),
          ValueType.DECISION_EVALUATION,
          Set.of("EVALUATED", "FAILED"));

  @Autowired AuditLog auditLog;
  @Autowired AuditVerifier verifier;

  @Test
  void projectsEveryRecordOnceWithTheStructuredHistoryOfAnApprovedAndOffboardedCounterparty()
      throws Exception {
    // given an approved counterparty, offboarded while it waits for its periodic review
    final Onboarding onboarding = decidedOnboarding("History Metals Ltd", "APPROVE");
    final long instance = onboarding.instance();
    await(
        r ->
            isEvent(r, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
                && ofInstance(r, instance)
                && ((ProcessInstanceRecordValue) r.getValue())
                    .getElementId()
                    .equals("gateway-wait"));
    client
        .newPublishMessageCommand()
        .messageName("counterparty-offboarded")
        .correlationKey(onboarding.counterpartyId())
        .variables(Map.of("offboardingReason", "audit test"))
        .send()
        .join();
    await(instanceCompleted(instance));

    // when the history is read
    final JsonNode history = completedHistory(instance);

    // then the events replay the path through the model, with each element's end
    final List<String> activated =
        events(history).stream()
            .filter(e -> e.get("intent").asText().equals("ELEMENT_ACTIVATED"))
            .map(e -> e.get("elementId").asText())
            .toList();
    assertThat(activated)
        .containsSubsequence(
            "counterparty-onboarding",
            "start",
            "screen",
            "rate",
            "compliance-decision",
            "record-approved",
            "gateway-wait",
            "offboarded",
            "record-offboarded");
    assertThat(
            jdbc.queryForList(
                "select distinct state from history_element_instance where process_instance_key = ?",
                String.class,
                instance))
        .containsExactly("COMPLETED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from history_element_instance where process_instance_key = ?"
                    + " and (completed_at is null or completed_at < activated_at)",
                Long.class,
                instance))
        .isZero();
    final Set<String> valueTypes =
        events(history).stream().map(e -> e.get("valueType").asText()).collect(Collectors.toSet());
    assertThat(valueTypes)
        .contains(
            "PROCESS_INSTANCE",
            "JOB",
            "VARIABLE",
            "USER_TASK",
            "DECISION_EVALUATION",
            "TIMER",
            "PROCESS_MESSAGE_SUBSCRIPTION");
    // the flows taken, for the token animation
    assertThat(events(history))
        .anySatisfy(
            e -> {
              assertThat(e.get("intent").asText()).isEqualTo("SEQUENCE_FLOW_TAKEN");
              assertThat(e.get("elementId").asText()).isEqualTo("flow-offboarded-to-end");
            });

    // the user task: created, assigned, completed by compliance with the submitted variables
    assertThat(history.get("userTasks"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.get("elementId").asText()).isEqualTo("compliance-decision");
              assertThat(t.get("candidateGroups").toString()).contains("compliance");
              assertThat(t.get("assignee").asText()).isEqualTo("compliance");
              assertThat(t.get("assignedAt").isNull()).isFalse();
              assertThat(t.get("completedBy").asText()).isEqualTo("compliance");
              assertThat(t.get("variables").get("complianceDecision").asText())
                  .isEqualTo("APPROVE");
            });
    // the KYC risk rating with its inputs and output
    assertThat(history.get("decisions"))
        .anySatisfy(
            d -> {
              assertThat(d.get("elementId").asText()).isEqualTo("rate");
              assertThat(d.get("decisionId").asText()).isNotBlank();
              assertThat(d.get("failed").asBoolean()).isFalse();
              assertThat(d.get("evaluatedDecisions").get(0).get("evaluatedInputs")).isNotEmpty();
              assertThat(d.get("decisionOutput").asText()).isNotBlank();
            });
    // the message, with its correlation key and variables
    assertThat(history.get("messages"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("elementId").asText()).isEqualTo("offboarded");
              assertThat(m.get("messageName").asText()).isEqualTo("counterparty-offboarded");
              assertThat(m.get("correlationKey").asText()).isEqualTo(onboarding.counterpartyId());
              assertThat(m.get("variables").get("offboardingReason").asText())
                  .isEqualTo("audit test");
            });
    assertThat(history.get("incidents")).isEmpty();
    // variables over time: the decision, once
    assertThat(
            jdbc.queryForList(
                "select value from history_variable where process_instance_key = ?"
                    + " and name = 'complianceDecision' order by position",
                String.class,
                instance))
        .containsExactly("\"APPROVE\"");

    // every audited record of the instance is in the chain once, and each history event once
    final List<Record<?>> ofInstance =
        matching(r -> AuditProjection.audited(r) && belongsTo(r, instance));
    assertThat(
            jdbc.queryForList(
                "select position from audit_entry where process_instance_key = ?"
                    + " union all select position from audit_entry_archive"
                    + " where process_instance_key = ? order by 1",
                Long.class,
                instance,
                instance))
        .containsAll(ofInstance.stream().map(Record::getPosition).toList())
        .doesNotHaveDuplicates();
    final List<Long> historyEvents =
        ofInstance.stream()
            .filter(
                r ->
                    r.getRecordType() == RecordType.EVENT
                        && REPLAYED
                            .getOrDefault(r.getValueType(), Set.of())
                            .contains(r.getIntent().name()))
            .map(Record::getPosition)
            .toList();
    assertThat(events(history).stream().map(e -> e.get("position").asLong()).toList())
        .isEqualTo(historyEvents);
  }

  @Test
  void everyRecordTheProcessesProducedSoFarIsAuditedOnceAndAProjectionFromTheStartAddsNothing() {
    // given every record the engine wrote while this JVM's tests ran (all processes so far)
    final long logEnd = engine.status().logHighestPosition();
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> !records.isEmpty() && records.getLast().getPosition() >= logEnd);
    final List<Record<?>> audited = matching(AuditProjection::audited);
    assertThat(audited).isNotEmpty();
    awaitAudited(audited.getLast().getPosition());
    final long head = auditLog.position();
    final long entries = count("audit_entry") + count("audit_entry_archive");
    final long events = count("history_event");

    // when a projection starts again from the beginning of the log (a lost position)
    for (final Record<?> record : audited) {
      auditLog.apply(record);
    }

    // then nothing was written twice, and the chain is intact
    assertThat(count("audit_entry") + count("audit_entry_archive")).isEqualTo(entries);
    assertThat(count("history_event")).isEqualTo(events);
    assertThat(auditLog.position()).isGreaterThanOrEqualTo(head);
    assertThat(verifier.verify().valid()).isTrue();
    // and each audited record is in the chain, with its value type and intent
    final Map<Long, String> chain =
        new TransactionTemplate(transactionManager)
            .execute(
                status -> {
                  final Map<Long, String> rows = new java.util.HashMap<>();
                  jdbc.query(
                      "select position, value_type || ' ' || intent from audit_entry"
                          + " union all select position, value_type || ' ' || intent"
                          + " from audit_entry_archive",
                      rs -> {
                        rows.put(rs.getLong(1), rs.getString(2));
                      });
                  return rows;
                });
    for (final Record<?> record : audited) {
      assertThat(chain.get(record.getPosition()))
          .as("record %d", record.getPosition())
          .isEqualTo(record.getValueType() + " " + record.getIntent());
    }
  }

  /** Of the instance: decision evaluations name it without being {@code ProcessInstanceRelated}. */
  private static boolean belongsTo(final Record<?> r, final long instance) {
    return ofInstance(r, instance)
        || r.getValue() instanceof DecisionEvaluationRecordValue decision
            && decision.getProcessInstanceKey() == instance;
  }

  private long count(final String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private void awaitAudited(final long position) {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(auditLog::position, head -> head >= position);
  }
}
