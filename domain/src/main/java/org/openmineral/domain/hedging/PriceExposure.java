package org.openmineral.domain.hedging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * The flat-price exposure of a {@link TradingBook} at the end of a date, per metal, with the
 * per-leg breakdown and the QP-mismatch exposure of every back-to-back pair.
 *
 * <p>Definition (per metal m, on date d):
 *
 * <pre>
 * E_m(d) = sum over purchases of Q x n(d)/N  -  sum over sales of Q x n(d)/N  +  sum over futures of lots x lotSize
 * </pre>
 *
 * where Q is the leg's payable metal, N its pricing days and n(d) those of them on or before d (a
 * fixed price has N = 1 and n(d) = 1 from its fixing date). A positive E is long: the desk loses if
 * the price falls. See {@link QpPricing} for the pricing-day rule and the sources.
 *
 * @param asOf the date (end of day)
 * @param byMetal exposure per metal, in {@link Element} order
 * @param qpMismatches one entry per back-to-back pair, in book order
 */
public record PriceExposure(
    LocalDate asOf, Map<Element, MetalExposure> byMetal, List<QpMismatch> qpMismatches) {
  public PriceExposure {
    Objects.requireNonNull(asOf, "asOf");
    byMetal = byMetal.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byMetal));
    qpMismatches = List.copyOf(qpMismatches);
  }

  /** The exposure of {@code book} at the end of {@code asOf}. */
  public static PriceExposure of(final TradingBook book, final LocalDate asOf) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(asOf, "asOf");
    final Map<Element, List<LegExposure>> legs = new EnumMap<>(Element.class);
    final Map<String, LegExposure> byId = new HashMap<>();
    for (final PhysicalLeg leg : book.legs()) {
      final LegExposure exposure = LegExposure.of(leg, leg.pricing().progressOn(asOf));
      legs.computeIfAbsent(leg.metal(), m -> new ArrayList<>()).add(exposure);
      byId.put(leg.id(), exposure);
    }
    final Map<Element, List<FuturesPosition>> futures = new EnumMap<>(Element.class);
    for (final FuturesPosition position : book.futures()) {
      futures.computeIfAbsent(position.contract().metal(), m -> new ArrayList<>()).add(position);
    }
    final Map<Element, MetalExposure> byMetal = new EnumMap<>(Element.class);
    for (final Element metal : Element.values()) {
      final List<LegExposure> metalLegs = legs.getOrDefault(metal, List.of());
      final List<FuturesPosition> metalFutures = futures.getOrDefault(metal, List.of());
      if (metalLegs.isEmpty() && metalFutures.isEmpty()) {
        continue;
      }
      final QuantityUnit unit =
          !metalLegs.isEmpty()
              ? metalLegs.getFirst().leg().unit()
              : metalFutures.getFirst().contract().unit();
      byMetal.put(metal, MetalExposure.of(metal, unit, metalLegs, metalFutures));
    }
    final List<QpMismatch> mismatches = new ArrayList<>();
    for (final BackToBackPair pair : book.pairs()) {
      mismatches.add(QpMismatch.of(pair, byId.get(pair.purchaseId()), byId.get(pair.saleId())));
    }
    return new PriceExposure(asOf, byMetal, mismatches);
  }

  /**
   * The exposure to {@code metal}; a metal the book does not hold is a {@link
   * HedgingInputException}.
   */
  public MetalExposure metal(final Element metal) {
    final MetalExposure exposure = byMetal.get(metal);
    if (exposure == null) {
      throw new HedgingInputException("the book has no position in " + metal.symbol());
    }
    return exposure;
  }
}
