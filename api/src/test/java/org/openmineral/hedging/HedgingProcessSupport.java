package org.openmineral.hedging;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.openmineral.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs {@code hedging} on the application's embedded engine with its real workers and observes it
 * through the engine's record feed and the hedge tables.
 */
abstract class HedgingProcessSupport extends ProcessTest {
  static final String PROCESS = "hedging";

  @Autowired JdbcTemplate jdbc;

  static String newDealId() {
    return "DEAL-" + UUID.randomUUID();
  }

  LocalDate today() {
    return LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
  }

  static Map<String, Object> fixedOn(final LocalDate date) {
    return Map.of("type", "FIXED", "fixedOn", date.toString());
  }

  static Map<String, Object> leg(
      final String dealId,
      final String metal,
      final String direction,
      final int quantity,
      final Map<String, Object> pricing) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("dealId", dealId);
    variables.put("metal", metal);
    variables.put("direction", direction);
    variables.put("payableQuantity", quantity);
    variables.put("unit", "TONNE");
    variables.put("pricing", pricing);
    return variables;
  }

  long start(final Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  List<Map<String, Object>> hedgesOf(final String dealId) {
    return jdbc.queryForList("select * from hedge where deal_id = ? order by created_at", dealId);
  }

  List<Map<String, Object>> rollsOf(final Object hedgeId) {
    return jdbc.queryForList(
        "select fixing_date, lots_fixed from hedge_roll where hedge_id = ? order by id",
        UUID.fromString(hedgeId.toString()));
  }

  static boolean isJob(final Record<?> r, final String type) {
    return isEvent(r, ValueType.JOB, JobIntent.CREATED)
        && ((JobRecordValue) r.getValue()).getType().equals(type);
  }

  UserTaskRecordValue userTask(final long key) {
    return (UserTaskRecordValue)
        await(r -> isEvent(r, ValueType.USER_TASK, UserTaskIntent.CREATED) && r.getKey() == key)
            .getValue();
  }

  String awaitVariable(final long instance, final String name) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> variables(instance).get(name), v -> v != null)
        .asText();
  }
}
