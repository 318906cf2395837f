package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.openmineral.domain.units.Element;

/**
 * How one element of a lot was settled: both parties' results, their difference against the
 * splitting limit, the umpire's result if one was needed, the settlement assay, who pays the
 * umpire, and the reason in words.
 *
 * @param element the element
 * @param unit the unit of every figure here
 * @param seller the seller's result
 * @param buyer the buyer's result
 * @param difference {@code |seller - buyer|}
 * @param splittingLimit the contract's limit for the element
 * @param decision how the settlement assay was found
 * @param umpire the umpire's result, when one was needed and is known
 * @param settlementAssay the settled assay, empty while the umpire is awaited; exact (a mean of two
 *     decimals needs no rounding)
 * @param umpireCostBearer who pays the umpire, when an umpire decided
 * @param reason the decision in words, with the figures
 */
public record ElementSettlement(
    Element element,
    AssayUnit unit,
    BigDecimal seller,
    BigDecimal buyer,
    BigDecimal difference,
    BigDecimal splittingLimit,
    Decision decision,
    Optional<BigDecimal> umpire,
    Optional<BigDecimal> settlementAssay,
    Optional<UmpireCostBearer> umpireCostBearer,
    String reason) {

  /** How an element was settled. */
  public enum Decision {
    /** Within the splitting limit: the mean of the two parties' results. */
    SPLIT,
    /** Outside the splitting limit and no umpire result yet. */
    AWAITING_UMPIRE,
    /** The umpire lies between the parties: the umpire's result. */
    UMPIRE_RESULT,
    /** The umpire lies between the parties: the mean of the umpire and the nearer party. */
    MEAN_OF_UMPIRE_AND_NEARER_PARTY,
    /** The umpire lies outside the parties' range: the result of the party nearest to it. */
    NEAREST_PARTY_TO_UMPIRE
  }

  public ElementSettlement {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(splittingLimit, "splittingLimit");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(umpire, "umpire");
    Objects.requireNonNull(settlementAssay, "settlementAssay");
    Objects.requireNonNull(umpireCostBearer, "umpireCostBearer");
    Objects.requireNonNull(reason, "reason");
  }

  /** True once the settlement assay is known. */
  public boolean isSettled() {
    return settlementAssay.isPresent();
  }

  /** The settled assay as an {@link Assay}. */
  public Optional<Assay> settled() {
    return settlementAssay.map(v -> new Assay(element, v, unit));
  }
}
