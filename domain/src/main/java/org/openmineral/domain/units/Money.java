package org.openmineral.domain.units;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Arithmetic keeps full precision ({@link Rounding#CALCULATION}); call
 * {@link #rounded()} at the edge, where an amount is shown, invoiced or stored.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  public static final Currency USD = Currency.getInstance("USD");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  public static Money of(final BigDecimal amount, final Currency currency) {
    return new Money(amount, currency);
  }

  public static Money usd(final BigDecimal amount) {
    return new Money(amount, USD);
  }

  public static Money usd(final String amount) {
    return new Money(new BigDecimal(amount), USD);
  }

  public static Money zero(final Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(final Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount, Rounding.CALCULATION), currency);
  }

  public Money minus(final Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount, Rounding.CALCULATION), currency);
  }

  public Money times(final BigDecimal factor) {
    return new Money(amount.multiply(factor, Rounding.CALCULATION), currency);
  }

  public Money dividedBy(final BigDecimal divisor) {
    return new Money(amount.divide(divisor, Rounding.CALCULATION), currency);
  }

  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** Rounded half up to the currency's minor unit (cents for USD). */
  public Money rounded() {
    return new Money(
        Rounding.money(amount, Math.max(0, currency.getDefaultFractionDigits())), currency);
  }

  @Override
  public int compareTo(final Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(final Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " without an FX rate");
    }
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
