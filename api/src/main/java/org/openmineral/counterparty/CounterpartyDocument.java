package org.openmineral.counterparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Metadata of a KYC document (passport, register extract, ownership chart); not the file. */
@Entity
@Table(name = "counterparty_document")
public class CounterpartyDocument {
  @Id private UUID id;

  @Column(name = "counterparty_id", nullable = false)
  private UUID counterpartyId;

  @Column(nullable = false)
  private String kind;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected CounterpartyDocument() {}

  public CounterpartyDocument(
      final UUID id,
      final UUID counterpartyId,
      final String kind,
      final String fileName,
      final String sha256,
      final String uploadedBy,
      final Instant uploadedAt) {
    this.id = id;
    this.counterpartyId = counterpartyId;
    this.kind = kind;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCounterpartyId() {
    return counterpartyId;
  }

  public String getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
