package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Mass;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.Rounding;

/**
 * Values a concentrate lot: net smelter return per dry tonne and lot value.
 *
 * <pre>
 * NSR/dmt = Σ payable metal/dmt × price            (payable lines, +)
 *         − TC (escalated at the basis metal price) (−)
 *         − Σ RC × payable lb | ozt | t per dmt     (−)
 *         − Σ penalties per dmt                     (−)
 * lot value = Σ round(line USD/dmt × dmt, cents)
 * </pre>
 *
 * Stateless and thread-safe. Bad input raises {@link InvalidValuationInput} naming the field.
 */
public final class ConcentrateValuer {

  public Valuation value(
      final ConcentrateLot lot, final ValuationTerms terms, final Map<Element, Price> prices) {
    final Map<Element, Assay> assays = withCombinedPbZn(lot.assays());
    final BigDecimal dmt = lot.weight().dryTonnes();
    final List<ValuationLine> lines = new ArrayList<>();
    final Map<Element, BigDecimal> payableTonnesPerDmt = new EnumMap<>(Element.class);

    for (final PayableTerm term : terms.payables()) {
      lines.add(payableLine(term, assays, prices, dmt, payableTonnesPerDmt));
    }
    if (terms.treatmentCharge() != null) {
      lines.add(treatmentChargeLine(terms.treatmentCharge(), prices, dmt));
    }
    for (int i = 0; i < terms.refiningCharges().size(); i++) {
      lines.add(refiningChargeLine(i, terms.refiningCharges().get(i), payableTonnesPerDmt, dmt));
    }
    for (int i = 0; i < terms.penalties().size(); i++) {
      lines.add(penaltyLine(i, terms.penalties().get(i), assays, dmt));
    }

    BigDecimal nsr = BigDecimal.ZERO;
    Money lotValue = Money.zero(Money.USD);
    for (final ValuationLine line : lines) {
      nsr = nsr.add(line.amountPerDmt(), Rounding.CALCULATION);
      lotValue = lotValue.plus(line.amount());
    }
    return new Valuation(lot.weight(), lines, nsr, lotValue);
  }

  private static ValuationLine payableLine(
      final PayableTerm term,
      final Map<Element, Assay> assays,
      final Map<Element, Price> prices,
      final BigDecimal dmt,
      final Map<Element, BigDecimal> payableTonnesPerDmt) {
    final Element element = term.element();
    final Assay assay = assays.get(element);
    if (assay == null) {
      throw new InvalidValuationInput(
          "assays." + element.symbol(), "is required for the payable element " + element.symbol());
    }
    final Price price = prices.get(element);
    if (price == null) {
      throw new InvalidValuationInput(
          "prices." + element.symbol(),
          "missing price for the payable element " + element.symbol());
    }
    final PayableTerm.PayableGrade payable = term.payableGrade(assay.value());
    final Assay payableAssay = assay.withValue(payable.grade());
    final BigDecimal tonnesPerDmt = payableAssay.tonnesPerDmt();
    payableTonnesPerDmt.put(element, tonnesPerDmt);
    final BigDecimal amountPerDmt = tonnesPerDmt.multiply(price.perTonne(), Rounding.CALCULATION);
    final boolean precious = element.kind() == Element.Kind.PRECIOUS;
    final BigDecimal quantityPerDmt = precious ? payableAssay.troyOuncesPerDmt() : tonnesPerDmt;
    return new ValuationLine(
        ValuationLine.Kind.PAYABLE,
        element,
        Rounding.quantity(quantityPerDmt.multiply(dmt, Rounding.CALCULATION), precious ? 3 : 4),
        precious ? "OZT" : "T",
        precious ? price.perTroyOunce() : price.perTonne(),
        precious ? "USD/ozt" : "USD/t",
        amountPerDmt,
        lotAmount(amountPerDmt, dmt),
        "%s %s %s assayed, payable %s (%s)"
            .formatted(
                element.symbol(),
                assay.value().toPlainString(),
                assay.unit(),
                Rounding.quantity(payable.grade(), 4).toPlainString(),
                payable.rule()));
  }

  private static ValuationLine treatmentChargeLine(
      final TreatmentCharge tc, final Map<Element, Price> prices, final BigDecimal dmt) {
    BigDecimal charge = tc.usdPerDmt();
    String explanation = "treatment charge " + tc.usdPerDmt().toPlainString() + " USD/dmt";
    if (tc.escalator() != null) {
      final Element basis = tc.escalator().basis();
      final Price price = prices.get(basis);
      if (price == null) {
        throw new InvalidValuationInput(
            "prices." + basis.symbol(),
            "the treatment charge escalator needs a " + basis.symbol() + " price");
      }
      charge = tc.chargeAt(price.perTonne());
      explanation +=
          ", escalated at %s USD/t %s against a base of %s USD/t"
              .formatted(
                  Rounding.rate(price.perTonne()).toPlainString(),
                  basis.symbol(),
                  tc.escalator().basePrice().toPlainString());
    } else {
      charge = tc.chargeAt(BigDecimal.ZERO);
    }
    final BigDecimal amountPerDmt = charge.negate();
    return new ValuationLine(
        ValuationLine.Kind.TC,
        null,
        dmt,
        "DMT",
        charge,
        "USD/dmt",
        amountPerDmt,
        lotAmount(amountPerDmt, dmt),
        explanation);
  }

  private static ValuationLine refiningChargeLine(
      final int index,
      final RefiningCharge rc,
      final Map<Element, BigDecimal> payableTonnesPerDmt,
      final BigDecimal dmt) {
    final BigDecimal tonnes = payableTonnesPerDmt.get(rc.element());
    if (tonnes == null) {
      throw new InvalidValuationInput(
          "refiningCharges[" + index + "].element",
          rc.element().symbol() + " has a refining charge but no payable term");
    }
    final BigDecimal quantityPerDmt =
        switch (rc.unit()) {
          case USD_PER_LB -> tonnes.multiply(Mass.POUNDS_PER_TONNE, Rounding.CALCULATION);
          case USD_PER_OZT -> tonnes.multiply(Mass.TROY_OUNCES_PER_TONNE, Rounding.CALCULATION);
          case USD_PER_T -> tonnes;
        };
    final String unit =
        switch (rc.unit()) {
          case USD_PER_LB -> "LB";
          case USD_PER_OZT -> "OZT";
          case USD_PER_T -> "T";
        };
    final BigDecimal amountPerDmt =
        quantityPerDmt.multiply(rc.amount(), Rounding.CALCULATION).negate();
    return new ValuationLine(
        ValuationLine.Kind.RC,
        rc.element(),
        Rounding.quantity(quantityPerDmt.multiply(dmt, Rounding.CALCULATION), 3),
        unit,
        rc.amount(),
        "USD/" + unit.toLowerCase(java.util.Locale.ROOT),
        amountPerDmt,
        lotAmount(amountPerDmt, dmt),
        "refining charge %s USD per payable %s of %s"
            .formatted(
                rc.amount().toPlainString(),
                unit.toLowerCase(java.util.Locale.ROOT),
                rc.element().symbol()));
  }

  private static ValuationLine penaltyLine(
      final int index,
      final Penalty penalty,
      final Map<Element, Assay> assays,
      final BigDecimal dmt) {
    final Element element = penalty.element();
    final Assay assay = assays.get(element);
    if (assay == null) {
      throw new InvalidValuationInput(
          "assays." + element.symbol(),
          "is required by penalties[" + index + "] (" + element.symbol() + ")");
    }
    final BigDecimal charge = penalty.usdPerDmt(assay.value());
    final BigDecimal excess =
        penalty.bands().stream()
            .map(b -> b.excess(assay.value()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    final BigDecimal amountPerDmt = charge.negate();
    final boolean capped =
        penalty.maxUsdPerDmt() != null && charge.compareTo(penalty.maxUsdPerDmt()) == 0;
    return new ValuationLine(
        ValuationLine.Kind.PENALTY,
        element,
        excess,
        assay.unit().name(),
        charge,
        "USD/dmt",
        amountPerDmt,
        lotAmount(amountPerDmt, dmt),
        "%s %s %s: %s above the penalty threshold%s"
            .formatted(
                element.symbol(),
                assay.value().toPlainString(),
                assay.unit(),
                excess.toPlainString(),
                capped ? ", penalty capped" : ""));
  }

  private static Money lotAmount(final BigDecimal amountPerDmt, final BigDecimal dmt) {
    return Money.usd(amountPerDmt.multiply(dmt, Rounding.CALCULATION)).rounded();
  }

  /** Pb+Zn penalties apply to the sum of the Pb and Zn assays when no combined assay is given. */
  private static Map<Element, Assay> withCombinedPbZn(final Map<Element, Assay> assays) {
    if (assays.containsKey(Element.PB_ZN)) {
      return assays;
    }
    final Assay pb = assays.get(Element.PB);
    final Assay zn = assays.get(Element.ZN);
    if (pb == null || zn == null || pb.unit() != AssayUnit.PCT || zn.unit() != AssayUnit.PCT) {
      return assays;
    }
    final Map<Element, Assay> combined = new HashMap<>(assays);
    combined.put(
        Element.PB_ZN, new Assay(Element.PB_ZN, pb.value().add(zn.value()), AssayUnit.PCT));
    return combined;
  }
}
