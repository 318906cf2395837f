package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The flat-price exposure left in a back-to-back pair on a date because the purchase and the sale
 * are priced over different periods.
 *
 * <p>{@code exposure = pricedQuantity(purchase) - pricedQuantity(sale)}. Positive: the desk is long
 * (the purchase has priced more than the sale, as during a purchase QP of M+1 against a sale QP of
 * M+2: the desk gains if the price rises before the sale prices). Negative: short. Zero once both
 * legs are fully priced if the quantities match, and at all times if both legs price on the same
 * days.
 */
public record QpMismatch(
    BackToBackPair pair, LegExposure purchase, LegExposure sale, BigDecimal exposure) {
  public QpMismatch {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(purchase, "purchase");
    Objects.requireNonNull(sale, "sale");
    Objects.requireNonNull(exposure, "exposure");
  }

  static QpMismatch of(
      final BackToBackPair pair, final LegExposure purchase, final LegExposure sale) {
    return new QpMismatch(
        pair, purchase, sale, purchase.pricedQuantity().subtract(sale.pricedQuantity()));
  }

  /** "long", "short" or "flat". */
  public String side() {
    return switch (exposure.signum()) {
      case 1 -> "long";
      case -1 -> "short";
      default -> "flat";
    };
  }

  /** One line for a trader: which way and why. */
  public String explain() {
    return String.format(
        "%s/%s: purchase %s priced %s (%s), sale %s priced %s (%s): %s %s %s",
        pair.purchaseId(),
        pair.saleId(),
        purchase.leg().pricing().describe(),
        purchase.pricedQuantity().stripTrailingZeros().toPlainString(),
        purchase.progress(),
        sale.leg().pricing().describe(),
        sale.pricedQuantity().stripTrailingZeros().toPlainString(),
        sale.progress(),
        side(),
        exposure.abs().stripTrailingZeros().toPlainString(),
        purchase.leg().unit().symbol());
  }
}
