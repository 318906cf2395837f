package org.openmineral.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log ({@code openmineral.audit.*}).
 *
 * @param retention how long entries stay in {@code audit_entry} before they are archived (moved to
 *     {@code audit_entry_archive} behind an anchor); null, the default, keeps every entry
 * @param archiveInterval how often the archiving runs when a retention is set (default 1 hour)
 */
@ConfigurationProperties("openmineral.audit")
public record AuditProperties(Duration retention, Duration archiveInterval) {
  public AuditProperties {
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException(
          "openmineral.audit.retention must be positive (leave it unset to keep every entry)");
    }
    archiveInterval = archiveInterval == null ? Duration.ofHours(1) : archiveInterval;
  }
}
