package org.openmineral.counterparty;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A counterparty and its KYC state. {@link #version} is the optimistic lock: an update from a stale
 * copy fails instead of overwriting a newer one. Updates write only the changed columns, so the
 * write-once process instance key and the KYC columns never overwrite each other.
 */
@Entity
@Table(name = "counterparty")
@DynamicUpdate
public class Counterparty {
  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CounterpartyType type;

  @Column(nullable = false, length = 2)
  private String country;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "counterparty_owner", joinColumns = @JoinColumn(name = "counterparty_id"))
  @OrderColumn(name = "position")
  @Column(name = "name", nullable = false)
  @BatchSize(size = 100)
  private List<String> ultimateBeneficialOwners = new ArrayList<>();

  @Column(name = "ownership_disclosed", nullable = false)
  private boolean ownershipDisclosed;

  @Enumerated(EnumType.STRING)
  @Column(name = "kyc_status", nullable = false)
  private KycStatus kycStatus = KycStatus.PENDING;

  @Column(name = "risk_rating")
  private String riskRating;

  @Column(name = "latest_screening_decision")
  private String latestScreeningDecision;

  @Column(name = "next_review_date")
  private LocalDate nextReviewDate;

  @Column(name = "kyc_recorded_at")
  private Instant kycRecordedAt;

  @Column(name = "credit_limit_amount", precision = 19, scale = 2)
  private BigDecimal creditLimitAmount;

  @Column(name = "credit_limit_currency", length = 3)
  private String creditLimitCurrency;

  @Column(name = "onboarding_process_instance_key")
  private Long onboardingProcessInstanceKey;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_sha256", length = 64)
  private String requestSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version
  @Column(nullable = false)
  private long version;

  protected Counterparty() {}

  /** A new counterparty, {@link KycStatus#PENDING}, created now by {@code user}. */
  public Counterparty(
      final UUID id,
      final String name,
      final CounterpartyType type,
      final String country,
      final List<String> ultimateBeneficialOwners,
      final boolean ownershipDisclosed,
      final String user,
      final Instant now) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.country = country;
    this.ultimateBeneficialOwners = new ArrayList<>(ultimateBeneficialOwners);
    this.ownershipDisclosed = ownershipDisclosed;
    this.createdAt = now;
    this.createdBy = user;
    this.updatedAt = now;
    this.updatedBy = user;
  }

  /** Records a KYC outcome of the onboarding process. */
  public void recordKyc(
      final KycStatus status,
      final String riskRating,
      final String screeningDecision,
      final LocalDate nextReviewDate,
      final String by,
      final Instant at) {
    this.kycStatus = status;
    this.riskRating = riskRating;
    if (screeningDecision != null) {
      this.latestScreeningDecision = screeningDecision;
    }
    this.nextReviewDate = nextReviewDate;
    this.kycRecordedAt = at;
    touch(by, at);
  }

  public void setCreditLimit(final BigDecimal amount, final String currency) {
    this.creditLimitAmount = amount;
    this.creditLimitCurrency = currency;
  }

  public void setIdempotency(final String key, final String requestSha256) {
    this.idempotencyKey = key;
    this.requestSha256 = requestSha256;
  }

  public void setOnboardingProcessInstanceKey(final long key) {
    this.onboardingProcessInstanceKey = key;
  }

  public void touch(final String by, final Instant at) {
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public CounterpartyType getType() {
    return type;
  }

  public String getCountry() {
    return country;
  }

  public List<String> getUltimateBeneficialOwners() {
    return List.copyOf(ultimateBeneficialOwners);
  }

  public boolean isOwnershipDisclosed() {
    return ownershipDisclosed;
  }

  public KycStatus getKycStatus() {
    return kycStatus;
  }

  public String getRiskRating() {
    return riskRating;
  }

  public String getLatestScreeningDecision() {
    return latestScreeningDecision;
  }

  public LocalDate getNextReviewDate() {
    return nextReviewDate;
  }

  public Instant getKycRecordedAt() {
    return kycRecordedAt;
  }

  public BigDecimal getCreditLimitAmount() {
    return creditLimitAmount;
  }

  public String getCreditLimitCurrency() {
    return creditLimitCurrency;
  }

  public Long getOnboardingProcessInstanceKey() {
    return onboardingProcessInstanceKey;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRequestSha256() {
    return requestSha256;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public long getVersion() {
    return version;
  }
}
