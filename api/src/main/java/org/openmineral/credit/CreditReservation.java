package org.openmineral.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code credit_reservation}: credit held for a deal until released. */
public record CreditReservation(
    UUID id,
    UUID counterpartyId,
    String dealRef,
    BigDecimal amount,
    String currency,
    String status,
    Instant createdAt,
    String createdBy,
    Instant releasedAt,
    String releasedBy) {

  public boolean active() {
    return "ACTIVE".equals(status);
  }
}
