package org.openmineral.domain.hedging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a desk holds for price risk: physical legs, futures hedges and the back-to-back pairs that
 * match purchases to sales. Validated on construction: unique leg ids, pairs that name a purchase
 * and a sale of the same metal in the same unit, each leg in at most one pair.
 */
public record TradingBook(
    List<PhysicalLeg> legs, List<FuturesPosition> futures, List<BackToBackPair> pairs) {
  public TradingBook {
    legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
    futures = List.copyOf(Objects.requireNonNull(futures, "futures"));
    pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
    final Map<String, PhysicalLeg> byId = new LinkedHashMap<>();
    for (final PhysicalLeg leg : legs) {
      if (byId.put(leg.id(), leg) != null) {
        throw new HedgingInputException("two legs have the id " + leg.id());
      }
    }
    final Map<String, BackToBackPair> paired = new LinkedHashMap<>();
    for (final BackToBackPair pair : pairs) {
      final PhysicalLeg purchase = require(byId, pair.purchaseId(), pair);
      final PhysicalLeg sale = require(byId, pair.saleId(), pair);
      if (purchase.direction() != Direction.PURCHASE || sale.direction() != Direction.SALE) {
        throw new HedgingInputException(
            "pair "
                + pair
                + " must name a purchase then a sale, got "
                + purchase.direction()
                + " and "
                + sale.direction());
      }
      if (purchase.metal() != sale.metal() || purchase.unit() != sale.unit()) {
        throw new HedgingInputException(
            "pair "
                + pair
                + " matches different metals or units: "
                + purchase.metal().symbol()
                + " "
                + purchase.unit().symbol()
                + " vs "
                + sale.metal().symbol()
                + " "
                + sale.unit().symbol());
      }
      for (final String id : List.of(pair.purchaseId(), pair.saleId())) {
        if (paired.put(id, pair) != null) {
          throw new HedgingInputException("leg " + id + " is in more than one back-to-back pair");
        }
      }
    }
  }

  /** A book of physical legs only. */
  public static TradingBook ofLegs(final List<PhysicalLeg> legs) {
    return new TradingBook(legs, List.of(), List.of());
  }

  /** The leg with this id. */
  public PhysicalLeg leg(final String id) {
    return legs.stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new HedgingInputException("no leg with id " + id + " in the book"));
  }

  private static PhysicalLeg require(
      final Map<String, PhysicalLeg> byId, final String id, final BackToBackPair pair) {
    final PhysicalLeg leg = byId.get(id);
    if (leg == null) {
      throw new HedgingInputException("pair " + pair + " names leg " + id + " not in the book");
    }
    return leg;
  }
}
