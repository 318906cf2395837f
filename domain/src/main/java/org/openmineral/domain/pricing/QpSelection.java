package org.openmineral.domain.pricing;

import java.util.Objects;

/**
 * The quotational period that applies under a {@link DeclarableQp}, with the reason: declared by a
 * party, or the contract's fallback because no declaration was made in time.
 */
public record QpSelection(QuotationalPeriod period, String reason) {
  public QpSelection {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(reason, "reason");
  }
}
