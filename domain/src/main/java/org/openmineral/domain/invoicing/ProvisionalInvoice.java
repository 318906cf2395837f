package org.openmineral.domain.invoicing;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Rounding;
import org.openmineral.domain.valuation.Valuation;

/**
 * The provisional invoice of a lot: a share (typically 90 %) of its value at provisional weights,
 * assays and prices, paid before the quotational period ends and final assays are agreed.
 *
 * <p>{@code amountDue = round(lotValue × provisionalPct / 100, cents)}.
 *
 * @param valuation the provisional valuation, with every line
 * @param provisionalPct the share invoiced, in percent
 * @param amountDue what the buyer pays now
 */
public record ProvisionalInvoice(Valuation valuation, BigDecimal provisionalPct, Money amountDue) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  public ProvisionalInvoice {
    Objects.requireNonNull(valuation, "valuation");
    Objects.requireNonNull(provisionalPct, "provisionalPct");
    Objects.requireNonNull(amountDue, "amountDue");
  }

  /**
   * @throws IllegalArgumentException if the share is not in (0, 100]
   */
  public static ProvisionalInvoice of(
      final Valuation provisional, final BigDecimal provisionalPct) {
    if (provisionalPct.signum() <= 0 || provisionalPct.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(
          "provisionalPct must be above 0 and at most 100, was " + provisionalPct);
    }
    final Money due =
        provisional
            .lotValue()
            .times(provisionalPct.divide(HUNDRED, Rounding.CALCULATION))
            .rounded();
    return new ProvisionalInvoice(provisional, provisionalPct, due);
  }
}
