package org.openmineral.domain.credit;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Money;

/**
 * Whether a new deal fits a counterparty's credit: it fits if the limit is active and {@code
 * dealExposure <= headroom}.
 *
 * @param dealExposure what the new deal puts at credit
 * @param headroomBefore headroom before the deal
 * @param headroomAfter {@code headroomBefore - dealExposure}
 * @param utilisationShareAfter {@code (utilisation + dealExposure) / effectiveLimit} (1 for any use
 *     of a zero or expired limit), the credit input of the deal risk score
 * @param fits the verdict
 * @param reason one line saying why
 */
public record CreditCheck(
    Money dealExposure,
    Money headroomBefore,
    Money headroomAfter,
    BigDecimal utilisationShareAfter,
    boolean fits,
    String reason) {
  public CreditCheck {
    Objects.requireNonNull(dealExposure, "dealExposure");
    Objects.requireNonNull(headroomBefore, "headroomBefore");
    Objects.requireNonNull(headroomAfter, "headroomAfter");
    Objects.requireNonNull(utilisationShareAfter, "utilisationShareAfter");
    Objects.requireNonNull(reason, "reason");
  }
}
