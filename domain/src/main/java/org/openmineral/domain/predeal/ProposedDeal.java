package org.openmineral.domain.predeal;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * A deal under consideration, before it is captured: the metal priced over a quotational period,
 * the lot (quantity and assays) and the pricing terms.
 *
 * @param metal the metal whose price is analysed and moved in the sensitivity
 * @param qpFirst first month of the quotational period
 * @param qpLast last month of the quotational period (equal to {@code qpFirst} for a one-month QP)
 * @param lot the quantity and assays
 * @param terms payables, TC, RCs, penalties
 * @param otherPrices prices of the other payable metals (e.g. gold and silver in a copper
 *     concentrate), held constant
 */
public record ProposedDeal(
    Element metal,
    YearMonth qpFirst,
    YearMonth qpLast,
    ConcentrateLot lot,
    ValuationTerms terms,
    Map<Element, Price> otherPrices) {
  public ProposedDeal {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(qpFirst, "qpFirst");
    Objects.requireNonNull(qpLast, "qpLast");
    Objects.requireNonNull(lot, "lot");
    Objects.requireNonNull(terms, "terms");
    otherPrices = otherPrices == null ? Map.of() : Map.copyOf(otherPrices);
    if (qpLast.isBefore(qpFirst)) {
      throw new PreDealInputException("qpLast", "the QP ends (" + qpLast + ") before it starts");
    }
  }
}
