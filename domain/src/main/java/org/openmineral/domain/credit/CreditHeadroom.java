package org.openmineral.domain.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Rounding;

/**
 * What is left of a counterparty's credit on a date.
 *
 * <pre>
 * effectiveLimit = limit amount, or zero if the limit has expired
 * headroom       = effectiveLimit - utilisation.total      (negative: the limit is breached)
 * </pre>
 */
public record CreditHeadroom(
    CreditLimit limit,
    LocalDate asOf,
    Money effectiveLimit,
    CreditUtilisation utilisation,
    Money headroom) {
  public CreditHeadroom {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(effectiveLimit, "effectiveLimit");
    Objects.requireNonNull(utilisation, "utilisation");
    Objects.requireNonNull(headroom, "headroom");
  }

  /** The headroom of {@code limit} on {@code asOf} given {@code utilisation}. */
  public static CreditHeadroom of(
      final CreditLimit limit, final LocalDate asOf, final CreditUtilisation utilisation) {
    if (!utilisation.currency().equals(limit.amount().currency())) {
      throw new CreditInputException(
          "utilisation is in "
              + utilisation.currency()
              + " but the limit of "
              + limit.counterpartyId()
              + " is in "
              + limit.amount().currency());
    }
    final Money effective = limit.effectiveOn(asOf);
    return new CreditHeadroom(
        limit, asOf, effective, utilisation, effective.minus(utilisation.total()));
  }

  /**
   * Utilisation as a share of the effective limit, {@code utilisation / effectiveLimit}. With no
   * effective limit (zero or expired) any utilisation is a full breach and the share is 1; no
   * utilisation is 0.
   */
  public BigDecimal utilisationShare() {
    return share(utilisation.total());
  }

  /** Whether a new deal putting {@code dealExposure} at credit fits, and what would be left. */
  public CreditCheck check(final Money dealExposure) {
    Objects.requireNonNull(dealExposure, "dealExposure");
    if (!dealExposure.currency().equals(effectiveLimit.currency())) {
      throw new CreditInputException(
          "deal exposure is in "
              + dealExposure.currency()
              + " but the limit is in "
              + effectiveLimit.currency());
    }
    if (dealExposure.isNegative()) {
      throw new CreditInputException("deal exposure cannot be negative: " + dealExposure);
    }
    final Money after = headroom.minus(dealExposure);
    final Money used = utilisation.total().plus(dealExposure);
    final boolean active = limit.isActiveOn(asOf);
    final boolean fits = active && !after.isNegative();
    final String reason;
    if (!active) {
      reason =
          "limit of "
              + limit.counterpartyId()
              + " expired on "
              + limit.expiry().orElseThrow()
              + ": no new credit";
    } else if (fits) {
      reason =
          "fits: headroom "
              + headroom.rounded()
              + " - deal "
              + dealExposure.rounded()
              + " = "
              + after.rounded();
    } else {
      reason =
          "does not fit: headroom "
              + headroom.rounded()
              + " < deal "
              + dealExposure.rounded()
              + ", short by "
              + after.negated().rounded();
    }
    return new CreditCheck(dealExposure, headroom, after, share(used), fits, reason);
  }

  private BigDecimal share(final Money used) {
    if (effectiveLimit.amount().signum() == 0) {
      return used.amount().signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return used.amount().divide(effectiveLimit.amount(), Rounding.CALCULATION);
  }
}
