package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * The desk's flat-price exposure to one metal on a date, with its breakdown.
 *
 * <pre>
 * flatPrice = pricedPurchases - pricedSales + futures
 *   pricedPurchases = sum over purchase legs of Q x n(d) / N
 *   pricedSales     = sum over sale legs of Q x n(d) / N
 *   futures         = sum over futures of lots x lotSize (long +, short -)
 * </pre>
 *
 * Unpriced quantities are shown but are not flat-price exposure: their price is still to be set
 * from the market, so a move in the price moves their value and their cost together.
 *
 * @param metal the metal
 * @param unit tonnes or troy ounces
 * @param legs every physical leg in this metal, in book order
 * @param futures every futures position in this metal
 * @param pricedPurchases sum of the purchases' priced quantities
 * @param pricedSales sum of the sales' priced quantities (positive)
 * @param unpricedPurchases sum of the purchases' unpriced quantities
 * @param unpricedSales sum of the sales' unpriced quantities (positive)
 * @param futuresQuantity sum of the futures quantities, signed
 * @param flatPrice {@code pricedPurchases - pricedSales + futuresQuantity}; positive long
 */
public record MetalExposure(
    Element metal,
    QuantityUnit unit,
    List<LegExposure> legs,
    List<FuturesPosition> futures,
    BigDecimal pricedPurchases,
    BigDecimal pricedSales,
    BigDecimal unpricedPurchases,
    BigDecimal unpricedSales,
    BigDecimal futuresQuantity,
    BigDecimal flatPrice) {
  public MetalExposure {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(unit, "unit");
    legs = List.copyOf(legs);
    futures = List.copyOf(futures);
    Objects.requireNonNull(flatPrice, "flatPrice");
  }

  /** Sums the legs and futures of one metal; all must be in {@code unit}. */
  static MetalExposure of(
      final Element metal,
      final QuantityUnit unit,
      final List<LegExposure> legs,
      final List<FuturesPosition> futures) {
    BigDecimal pricedPurchases = BigDecimal.ZERO;
    BigDecimal pricedSales = BigDecimal.ZERO;
    BigDecimal unpricedPurchases = BigDecimal.ZERO;
    BigDecimal unpricedSales = BigDecimal.ZERO;
    for (final LegExposure leg : legs) {
      if (leg.leg().unit() != unit) {
        throw new HedgingInputException(
            "leg "
                + leg.leg().id()
                + " counts "
                + metal.symbol()
                + " in "
                + leg.leg().unit()
                + " but other positions use "
                + unit);
      }
      if (leg.leg().direction() == Direction.PURCHASE) {
        pricedPurchases = pricedPurchases.add(leg.pricedQuantity());
        unpricedPurchases = unpricedPurchases.add(leg.unpricedQuantity());
      } else {
        pricedSales = pricedSales.add(leg.pricedQuantity());
        unpricedSales = unpricedSales.add(leg.unpricedQuantity());
      }
    }
    BigDecimal futuresQuantity = BigDecimal.ZERO;
    for (final FuturesPosition position : futures) {
      if (position.contract().unit() != unit) {
        throw new HedgingInputException(
            "futures "
                + position.id()
                + " counts "
                + metal.symbol()
                + " in "
                + position.contract().unit()
                + " but other positions use "
                + unit);
      }
      futuresQuantity = futuresQuantity.add(position.quantity());
    }
    return new MetalExposure(
        metal,
        unit,
        legs,
        futures,
        pricedPurchases,
        pricedSales,
        unpricedPurchases,
        unpricedSales,
        futuresQuantity,
        pricedPurchases.subtract(pricedSales).add(futuresQuantity));
  }

  /** Physical flat-price exposure before futures: {@code pricedPurchases - pricedSales}. */
  public BigDecimal physicalFlatPrice() {
    return pricedPurchases.subtract(pricedSales);
  }
}
