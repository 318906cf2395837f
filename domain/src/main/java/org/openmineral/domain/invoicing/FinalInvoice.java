package org.openmineral.domain.invoicing;

import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.valuation.Valuation;

/**
 * The final invoice of a lot: its value at final weights, settled assays and the final QP prices,
 * less what the provisional invoices already charged. The balance goes either way: positive, the
 * buyer pays it; negative, the seller refunds it (a credit note); zero, the lot is settled.
 *
 * <p>{@code balance = finalValue − Σ provisional amounts}, so {@code Σ provisional + balance =
 * finalValue} to the cent.
 */
public record FinalInvoice(
    Valuation valuation, List<ProvisionalInvoice> provisionals, Money finalValue, Money balance) {

  public FinalInvoice {
    Objects.requireNonNull(valuation, "valuation");
    provisionals = List.copyOf(provisionals);
  }

  /** Who pays the balance. */
  public enum Direction {
    BUYER_PAYS,
    SELLER_REFUNDS,
    SETTLED
  }

  public static FinalInvoice of(
      final Valuation finalValuation, final List<ProvisionalInvoice> provisionals) {
    final Money finalValue = finalValuation.lotValue();
    Money invoiced = Money.zero(finalValue.currency());
    for (final ProvisionalInvoice provisional : provisionals) {
      invoiced = invoiced.plus(provisional.amountDue());
    }
    return new FinalInvoice(finalValuation, provisionals, finalValue, finalValue.minus(invoiced));
  }

  public Money provisionallyInvoiced() {
    return finalValue.minus(balance);
  }

  public Direction direction() {
    return switch (balance.amount().signum()) {
      case 1 -> Direction.BUYER_PAYS;
      case -1 -> Direction.SELLER_REFUNDS;
      default -> Direction.SETTLED;
    };
  }
}
