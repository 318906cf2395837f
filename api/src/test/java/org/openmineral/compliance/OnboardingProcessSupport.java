package org.openmineral.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.openmineral.ProcessTest;
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.CounterpartyRepository;
import org.openmineral.counterparty.CounterpartyType;
import org.openmineral.counterparty.KycStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs {@code counterparty-onboarding} on the application's embedded engine with its real workers
 * and observes it through the engine's record feed.
 */
abstract class OnboardingProcessSupport extends ProcessTest {
  static final String PROCESS = "counterparty-onboarding";

  @Autowired CounterpartyRepository counterparties;

  /**
   * A new PENDING counterparty stored without a process (the test starts it), so the process's
   * {@code kyc.record-outcome} tasks have a record to write to; its id is used by no other test, so
   * message correlation stays within one test.
   */
  String newCounterpartyId(
      final String name, final String type, final String country, final List<String> owners) {
    final Counterparty counterparty =
        new Counterparty(
            UUID.randomUUID(),
            name,
            CounterpartyType.valueOf(type),
            country,
            owners,
            true,
            "process-test",
            Instant.now());
    return counterparties.save(counterparty).getId().toString();
  }

  /** The start variables of a counterparty stored by {@link #newCounterpartyId}. */
  Map<String, Object> newCounterparty(
      final String name,
      final String type,
      final String country,
      final List<String> owners,
      final boolean ownershipDisclosed) {
    return counterparty(
        newCounterpartyId(name, type, country, owners),
        name,
        type,
        country,
        owners,
        ownershipDisclosed);
  }

  /** The counterparty's record as the process left it. */
  Counterparty stored(final String id) {
    return counterparties.findById(UUID.fromString(id)).orElseThrow();
  }

  /** Waits until the counterparty's record has KYC status {@code status}. */
  Counterparty awaitStatus(final String id, final KycStatus status) {
    return Awaitility.await().atMost(WAIT).until(() -> stored(id), c -> c.getKycStatus() == status);
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

  static Map<String, Object> counterparty(
      final String id,
      final String name,
      final String type,
      final String country,
      final List<String> owners,
      final boolean ownershipDisclosed) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("counterpartyId", id);
    variables.put("name", name);
    variables.put("type", type);
    variables.put("country", country);
    variables.put("ultimateBeneficialOwners", owners);
    variables.put("ownershipDisclosed", ownershipDisclosed);
    return variables;
  }
}
