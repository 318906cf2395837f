package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openmineral.domain.units.Element;

/**
 * The contract's assay exchange terms for a lot: a splitting limit per element and the {@link
 * UmpireRule}; {@link #settle} turns the seller's, the buyer's and (when needed) the umpire's
 * results into the settlement assay of each element.
 *
 * <p>The procedure: in an assay exchange each party assays its own sample and the results are
 * exchanged simultaneously; results within the splitting limit are averaged, results outside it
 * send a further sample to an agreed third laboratory, the umpire (Datamine MineMarket, Assay
 * Rules,
 * https://docs.dataminesoftware.com/MineMarket/Latest/F-Sales-and-Marketing/03-Sales-Purchase-Contract-Terms/Assay-Rules.htm):
 *
 * <ol>
 *   <li>{@code d = |seller - buyer|}. If {@code d <= limit} the element is split: settlement =
 *       {@code (seller + buyer) / 2}: when the difference does not exceed the splitting limit the
 *       arithmetic mean of the two results is final (Ophir Refinery, Assaying,
 *       https://ophirrefinery.com/services/assaying).
 *   <li>Otherwise the umpire's result {@code u} decides under the contract's {@link UmpireRule}:
 *       between the parties (inclusive) it is {@code u}, or {@code (u + nearer party) / 2};
 *       outside, the result of the party nearest {@code u}. The party further from {@code u} pays
 *       the umpire.
 * </ol>
 *
 * <p>Settlement assays are exact: the mean of two decimals terminates, so nothing is rounded here;
 * a contract that reports assays to fewer places rounds at its edge.
 *
 * @param limits the splitting limit of every element exchanged, in contract order
 * @param rule how an umpire result settles
 */
public record AssayExchange(Map<Element, SplittingLimit> limits, UmpireRule rule) {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  public AssayExchange {
    Objects.requireNonNull(rule, "rule");
    limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    if (limits.isEmpty()) {
      throw new InvalidAssayException("an assay exchange needs at least one splitting limit");
    }
    limits.forEach(
        (element, limit) -> {
          if (limit.element() != element) {
            throw new InvalidAssayException(
                "the splitting limit for "
                    + element.symbol()
                    + " is stated for "
                    + limit.element().symbol());
          }
        });
  }

  /** Terms with these limits, in the order given. */
  public static AssayExchange of(final UmpireRule rule, final SplittingLimit... limits) {
    final Map<Element, SplittingLimit> map = new LinkedHashMap<>();
    for (final SplittingLimit limit : limits) {
      if (map.put(limit.element(), limit) != null) {
        throw new InvalidAssayException("two splitting limits for " + limit.element().symbol());
      }
    }
    return new AssayExchange(map, rule);
  }

  /** The exchange of the parties' results before any umpire: splits, or elements to umpire. */
  public AssayExchangeResult exchange(final List<Assay> seller, final List<Assay> buyer) {
    return settle(seller, buyer, List.of());
  }

  /**
   * Settles every element with a splitting limit.
   *
   * @param seller the seller's results, one per element with a limit
   * @param buyer the buyer's results, one per element with a limit
   * @param umpire the umpire's results for elements outside the limit (any subset of them)
   * @throws InvalidAssayException if a party's result is missing, doubled, in the wrong unit, for
   *     an element without a limit, or an umpire result is given for an element that was split
   */
  public AssayExchangeResult settle(
      final List<Assay> seller, final List<Assay> buyer, final List<Assay> umpire) {
    final Map<Element, Assay> s = byElement("seller", seller);
    final Map<Element, Assay> b = byElement("buyer", buyer);
    final Map<Element, Assay> u = byElement("umpire", umpire);
    final List<ElementSettlement> settled =
        limits.values().stream()
            .map(
                limit ->
                    settleElement(
                        limit,
                        required(s, limit, AssayParty.SELLER),
                        required(b, limit, AssayParty.BUYER),
                        Optional.ofNullable(u.get(limit.element()))))
            .toList();
    return new AssayExchangeResult(rule, settled);
  }

  private ElementSettlement settleElement(
      final SplittingLimit limit,
      final BigDecimal seller,
      final BigDecimal buyer,
      final Optional<Assay> umpireAssay) {
    final Element element = limit.element();
    final String unit = " " + limit.unit().symbol();
    final BigDecimal difference = seller.subtract(buyer).abs();
    final String exchanged =
        "seller "
            + seller.toPlainString()
            + unit
            + ", buyer "
            + buyer.toPlainString()
            + unit
            + ": difference "
            + difference.toPlainString()
            + unit;
    if (limit.allowsSplit(difference)) {
      if (umpireAssay.isPresent()) {
        throw new InvalidAssayException(
            element.symbol()
                + ": "
                + exchanged
                + " is within the splitting limit "
                + limit.maxDifference().toPlainString()
                + unit
                + "; no umpire result is needed");
      }
      final BigDecimal mean = seller.add(buyer).divide(TWO);
      return new ElementSettlement(
          element,
          limit.unit(),
          seller,
          buyer,
          difference,
          limit.maxDifference(),
          ElementSettlement.Decision.SPLIT,
          Optional.empty(),
          Optional.of(mean),
          Optional.empty(),
          exchanged
              + " does not exceed the splitting limit "
              + limit.maxDifference().toPlainString()
              + unit
              + "; split at the mean "
              + mean.toPlainString()
              + unit);
    }
    final String outside =
        exchanged + " exceeds the splitting limit " + limit.maxDifference().toPlainString() + unit;
    if (umpireAssay.isEmpty()) {
      return new ElementSettlement(
          element,
          limit.unit(),
          seller,
          buyer,
          difference,
          limit.maxDifference(),
          ElementSettlement.Decision.AWAITING_UMPIRE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          outside + "; the sample goes to the umpire");
    }
    final BigDecimal u = inUnit(umpireAssay.get(), limit, "umpire");
    final BigDecimal fromSeller = seller.subtract(u).abs();
    final BigDecimal fromBuyer = buyer.subtract(u).abs();
    final int closer = fromSeller.compareTo(fromBuyer); // < 0: seller nearer
    final UmpireCostBearer bearer =
        closer < 0
            ? UmpireCostBearer.BUYER
            : closer > 0 ? UmpireCostBearer.SELLER : UmpireCostBearer.SHARED_EQUALLY;
    final BigDecimal nearer = closer <= 0 ? seller : buyer;
    final String nearerName = closer < 0 ? "seller" : closer > 0 ? "buyer" : "neither party";
    final boolean between =
        u.compareTo(seller.min(buyer)) >= 0 && u.compareTo(seller.max(buyer)) <= 0;
    final ElementSettlement.Decision decision;
    final BigDecimal settlement;
    final String how;
    if (!between) {
      decision = ElementSettlement.Decision.NEAREST_PARTY_TO_UMPIRE;
      settlement = nearer;
      how =
          "lies outside the parties' results; the "
              + nearerName
              + "'s result, nearest the umpire, settles";
    } else if (rule == UmpireRule.UMPIRE_RESULT_IF_BETWEEN || closer == 0) {
      decision = ElementSettlement.Decision.UMPIRE_RESULT;
      settlement = u;
      how =
          "lies between the parties' results; the umpire's result settles"
              + (rule == UmpireRule.UMPIRE_RESULT_IF_BETWEEN
                  ? ""
                  : " (exactly midway, so neither party is nearer)");
    } else {
      decision = ElementSettlement.Decision.MEAN_OF_UMPIRE_AND_NEARER_PARTY;
      settlement = u.add(nearer).divide(TWO);
      how =
          "lies between the parties' results; the mean of the umpire and the "
              + nearerName
              + "'s result "
              + nearer.toPlainString()
              + unit
              + " settles";
    }
    final String cost =
        switch (bearer) {
          case SELLER ->
              "the seller's result is further from the umpire ("
                  + fromSeller.toPlainString()
                  + " against "
                  + fromBuyer.toPlainString()
                  + "): the seller pays the umpire";
          case BUYER ->
              "the buyer's result is further from the umpire ("
                  + fromBuyer.toPlainString()
                  + " against "
                  + fromSeller.toPlainString()
                  + "): the buyer pays the umpire";
          case SHARED_EQUALLY ->
              "both results are "
                  + fromSeller.toPlainString()
                  + " from the umpire: the umpire's cost is shared equally";
        };
    return new ElementSettlement(
        element,
        limit.unit(),
        seller,
        buyer,
        difference,
        limit.maxDifference(),
        decision,
        Optional.of(u),
        Optional.of(settlement),
        Optional.of(bearer),
        outside
            + "; umpire "
            + u.toPlainString()
            + unit
            + " "
            + how
            + ": "
            + settlement.toPlainString()
            + unit
            + "; "
            + cost);
  }

  private static BigDecimal required(
      final Map<Element, Assay> results, final SplittingLimit limit, final AssayParty party) {
    final Assay assay = results.get(limit.element());
    if (assay == null) {
      throw new InvalidAssayException(
          "the "
              + party.name().toLowerCase(java.util.Locale.ROOT)
              + " has not reported "
              + limit.element().symbol()
              + "; both parties must exchange every element with a splitting limit");
    }
    return inUnit(assay, limit, party.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static BigDecimal inUnit(
      final Assay assay, final SplittingLimit limit, final String who) {
    if (assay.unit() != limit.unit()) {
      throw new InvalidAssayException(
          "the "
              + who
              + "'s "
              + assay
              + " is not in "
              + limit.unit().symbol()
              + ", the unit of the splitting limit for "
              + limit.element().symbol());
    }
    return assay.value();
  }

  private Map<Element, Assay> byElement(final String who, final List<Assay> assays) {
    final Map<Element, Assay> map = new EnumMap<>(Element.class);
    for (final Assay assay : assays) {
      if (!limits.containsKey(assay.element())) {
        throw new InvalidAssayException(
            "the "
                + who
                + " reported "
                + assay
                + " but the contract has no splitting limit for "
                + assay.element().symbol()
                + "; elements exchanged: "
                + limits.keySet().stream().map(Element::symbol).toList());
      }
      if (map.put(assay.element(), assay) != null) {
        throw new InvalidAssayException(
            "the " + who + " reported " + assay.element().symbol() + " twice");
      }
    }
    return map;
  }
}
