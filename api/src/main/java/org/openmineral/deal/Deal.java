package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A deal as stored ({@code V12__deals.sql}): the terms the trader captured (amendable ones in
 * {@link DealTerms}), where the trade lifecycle has got to, and who captured, amended and cancelled
 * it. {@link #version} is the optimistic lock of amendments.
 */
public record Deal(
    UUID id,
    UUID counterpartyId,
    String direction,
    String commodity,
    String metal,
    String desk,
    DealTerms terms,
    String status,
    String stage,
    String capturedBy,
    Instant capturedAt,
    List<String> amendedBy,
    Instant amendedAt,
    String cancelledBy,
    Instant cancelledAt,
    String cancelReason,
    UUID creditReservationId,
    String creditDealRef,
    Long processInstanceKey,
    String requestSha256,
    JsonNode report,
    Instant closedAt,
    Instant updatedAt,
    long version) {

  /** Statuses after which nothing changes any more. */
  public static final Set<String> FINISHED = Set.of("CLOSED", "REJECTED", "CANCELLED");

  public boolean finished() {
    return FINISHED.contains(status) || cancelledAt != null;
  }
}
