package org.openmineral.workers.deal;

import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;

/** How the deal workers fail: bad input is an incident at once, a technical failure retries. */
final class DealJobs {
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

  private DealJobs() {}

  static RuntimeException incident(final String what, final String reason) {
    return CamundaError.jobError(what + ": " + reason, Map.of(), 0, Duration.ZERO, null);
  }

  static RuntimeException retry(final String what, final int retries, final RuntimeException e) {
    return CamundaError.jobError(
        what + " failed: " + e.getMessage(), Map.of(), Math.max(0, retries - 1), RETRY_BACKOFF, e);
  }

  static String required(final String value, final String variable, final String what) {
    if (value == null || value.isBlank()) {
      throw incident(what, "variable '" + variable + "' is missing or blank");
    }
    return value;
  }
}
