package org.openmineral.workers.agent;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The guardrails every agent runs under ({@code openmineral.agents.*}).
 *
 * @param maxToolCalls tool calls allowed in one run; one more trips the guardrail
 * @param callTimeout the longest one model call may take
 * @param totalTimeout the longest a whole run (model calls and tools) may take
 * @param confidenceThreshold results below this confidence (0..1) escalate to a person
 */
public record AgentLimits(
    int maxToolCalls, Duration callTimeout, Duration totalTimeout, BigDecimal confidenceThreshold) {

  /** The documented defaults. */
  public static AgentLimits defaults() {
    return new AgentLimits(
        8, Duration.ofSeconds(60), Duration.ofMinutes(3), new BigDecimal("0.80"));
  }

  public AgentLimits {
    if (maxToolCalls < 0) {
      throw new IllegalArgumentException("maxToolCalls must be >= 0");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive");
    }
    if (totalTimeout.isNegative() || totalTimeout.isZero()) {
      throw new IllegalArgumentException("totalTimeout must be positive");
    }
    if (confidenceThreshold.signum() < 0 || confidenceThreshold.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("confidenceThreshold must be within 0..1");
    }
  }
}
