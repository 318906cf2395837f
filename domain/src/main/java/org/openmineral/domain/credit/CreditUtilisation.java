package org.openmineral.domain.credit;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Money;

/**
 * How much of a counterparty's credit is used, line by line.
 *
 * <pre>
 * utilisation = sum of open invoices' outstanding amounts
 *             + sum over open deals of max(markToMarket, 0)
 *             + sum of pending deals' values              (only if pending deals are counted)
 * </pre>
 *
 * Unrealised exposure rule: each open deal counts its positive mark-to-market only, deal by deal,
 * with no netting of one deal's gain to us against another's loss, because a defaulting
 * counterparty's obligations on separate contracts cannot be assumed to net (no netting agreement
 * is modelled). It is the replacement cost of an unmargined, uncollateralised deal, max(V, 0), as
 * in the Basel Committee's standardised approach for counterparty credit risk (BCBS 279, 2014: RC =
 * max(V - C, 0) with collateral C = 0); potential future exposure is not added here. A negative
 * mark-to-market is shown with zero counted.
 *
 * <p>All amounts must be in the limit's currency (no FX here); full precision, rounded only for
 * display.
 */
public record CreditUtilisation(
    Currency currency,
    List<UtilisationLine> lines,
    Money openInvoices,
    Money unrealisedExposure,
    Money pendingDeals,
    Money total) {
  public CreditUtilisation {
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
  }

  /** Utilisation from invoices and open deals, pending deals not counted. */
  public static CreditUtilisation of(
      final Currency currency, final List<OpenInvoice> invoices, final List<OpenDeal> deals) {
    return of(currency, invoices, deals, List.of(), false);
  }

  /**
   * Utilisation from invoices, open deals and pending deals; {@code countPending} says whether the
   * pending deals' values are counted (they are listed either way).
   */
  public static CreditUtilisation of(
      final Currency currency,
      final List<OpenInvoice> invoices,
      final List<OpenDeal> deals,
      final List<PendingDeal> pending,
      final boolean countPending) {
    final List<UtilisationLine> lines = new ArrayList<>();
    Money invoiced = Money.zero(currency);
    for (final OpenInvoice invoice : invoices) {
      requireCurrency(currency, invoice.outstanding(), "invoice " + invoice.invoiceId());
      invoiced = invoiced.plus(invoice.outstanding());
      lines.add(
          new UtilisationLine(
              UtilisationLine.Kind.OPEN_INVOICE,
              invoice.invoiceId(),
              invoice.outstanding(),
              invoice.outstanding(),
              "unpaid invoice counts in full"));
    }
    Money unrealised = Money.zero(currency);
    for (final OpenDeal deal : deals) {
      requireCurrency(currency, deal.markToMarket(), "deal " + deal.dealId());
      final boolean positive = deal.markToMarket().amount().signum() > 0;
      final Money counted = positive ? deal.markToMarket() : Money.zero(currency);
      unrealised = unrealised.plus(counted);
      lines.add(
          new UtilisationLine(
              UtilisationLine.Kind.UNREALISED_EXPOSURE,
              deal.dealId(),
              deal.markToMarket(),
              counted,
              positive
                  ? "positive mark-to-market counts: we would lose it on default"
                  : "mark-to-market not positive: counts zero, no netting"));
    }
    Money pendingTotal = Money.zero(currency);
    for (final PendingDeal deal : pending) {
      requireCurrency(currency, deal.value(), "pending deal " + deal.dealId());
      final Money counted = countPending ? deal.value() : Money.zero(currency);
      pendingTotal = pendingTotal.plus(counted);
      lines.add(
          new UtilisationLine(
              UtilisationLine.Kind.PENDING_DEAL,
              deal.dealId(),
              deal.value(),
              counted,
              countPending ? "pending deal value counted" : "pending deals not counted"));
    }
    return new CreditUtilisation(
        currency,
        lines,
        invoiced,
        unrealised,
        pendingTotal,
        invoiced.plus(unrealised).plus(pendingTotal));
  }

  private static void requireCurrency(
      final Currency currency, final Money amount, final String what) {
    if (!amount.currency().equals(currency)) {
      throw new CreditInputException(
          what
              + " is in "
              + amount.currency()
              + " but the credit limit is in "
              + currency
              + "; convert it first");
    }
  }
}
