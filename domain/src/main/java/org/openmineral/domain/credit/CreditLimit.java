package org.openmineral.domain.credit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.openmineral.domain.units.Money;

/**
 * The credit a counterparty is granted: an amount in one currency, valid up to and including an
 * optional expiry date. An expired limit counts as zero: no new credit without a renewed limit.
 */
public record CreditLimit(String counterpartyId, Money amount, Optional<LocalDate> expiry) {
  public CreditLimit {
    Objects.requireNonNull(counterpartyId, "counterpartyId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(expiry, "expiry");
    if (amount.isNegative()) {
      throw new CreditInputException(
          "credit limit of " + counterpartyId + " cannot be negative: " + amount);
    }
  }

  public static CreditLimit of(final String counterpartyId, final Money amount) {
    return new CreditLimit(counterpartyId, amount, Optional.empty());
  }

  public static CreditLimit of(
      final String counterpartyId, final Money amount, final LocalDate expiry) {
    return new CreditLimit(counterpartyId, amount, Optional.of(expiry));
  }

  /** True if there is no expiry or {@code date} is on or before it. */
  public boolean isActiveOn(final LocalDate date) {
    return expiry.map(e -> !date.isAfter(e)).orElse(true);
  }

  /** The amount if active on {@code date}, otherwise zero in the limit's currency. */
  public Money effectiveOn(final LocalDate date) {
    return isActiveOn(date) ? amount : Money.zero(amount.currency());
  }
}
