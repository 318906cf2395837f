package org.openmineral.counterparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One KYC outcome the onboarding process recorded, keyed by the job that recorded it: a redelivered
 * job finds its row and writes nothing again. Read-only once written; the rows are the history.
 */
@Entity
@Table(name = "counterparty_kyc_outcome")
public class KycOutcome {
  @Id
  @Column(name = "job_key")
  private Long jobKey;

  @Column(name = "counterparty_id", nullable = false)
  private UUID counterpartyId;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "element_id", nullable = false)
  private String elementId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kyc_status", nullable = false)
  private KycStatus kycStatus;

  @Column(name = "risk_rating")
  private String riskRating;

  @Column(name = "screening_decision")
  private String screeningDecision;

  @Column(name = "next_review_date")
  private LocalDate nextReviewDate;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected KycOutcome() {}

  public Long getJobKey() {
    return jobKey;
  }

  public UUID getCounterpartyId() {
    return counterpartyId;
  }

  public long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getElementId() {
    return elementId;
  }

  public KycStatus getKycStatus() {
    return kycStatus;
  }

  public String getRiskRating() {
    return riskRating;
  }

  public String getScreeningDecision() {
    return screeningDecision;
  }

  public LocalDate getNextReviewDate() {
    return nextReviewDate;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
