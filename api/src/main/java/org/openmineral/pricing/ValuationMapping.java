package org.openmineral.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.assay.InvalidAssayException;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.units.Rounding;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.EscalationTier;
import org.openmineral.domain.valuation.GradeBand;
import org.openmineral.domain.valuation.InvalidValuationInput;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.Penalty;
import org.openmineral.domain.valuation.PenaltyBand;
import org.openmineral.domain.valuation.PriceEscalator;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * Between the API's JSON shapes and the domain's valuation types. Every conversion that can fail
 * names the JSON field it came from.
 */
public final class ValuationMapping {
  private ValuationMapping() {}

  public static ConcentrateLot lot(final ValuationRequest request) {
    final DryWeight weight =
        DryWeight.of(request.wetTonnes(), request.moisturePct(), request.franchisePct());
    final Map<Element, Assay> assays = new EnumMap<>(Element.class);
    if (request.assays() != null) {
      request
          .assays()
          .forEach(
              (symbol, input) -> {
                final String field = "assays." + symbol;
                final Element element = element(symbol, field);
                if (input == null || input.value() == null) {
                  throw new InvalidValuationInput(field + ".value", "is required");
                }
                final AssayUnit unit = enumValue(AssayUnit.class, input.unit(), field + ".unit");
                try {
                  assays.put(element, new Assay(element, input.value(), unit));
                } catch (final InvalidAssayException e) {
                  throw new InvalidValuationInput(field + ".value", e.getMessage());
                }
              });
    }
    return new ConcentrateLot(weight, assays);
  }

  public static ValuationTerms terms(final ValuationRequest request) {
    if (request.payables() == null || request.payables().isEmpty()) {
      throw new InvalidValuationInput("payables", "at least one payable element is required");
    }
    final List<PayableTerm> payables = new ArrayList<>();
    for (int i = 0; i < request.payables().size(); i++) {
      payables.add(payable(request.payables().get(i), "payables[" + i + "]"));
    }
    final List<RefiningCharge> refiningCharges = new ArrayList<>();
    final var rcs =
        request.refiningCharges() == null
            ? List.<ValuationRequest.RefiningChargeInput>of()
            : request.refiningCharges();
    for (int i = 0; i < rcs.size(); i++) {
      final String field = "refiningCharges[" + i + "]";
      final var rc = rcs.get(i);
      refiningCharges.add(
          new RefiningCharge(
              element(rc.element(), field + ".element"),
              required(rc.amount(), field + ".amount"),
              enumValue(RefiningUnit.class, rc.unit(), field + ".unit")));
    }
    final List<Penalty> penalties = new ArrayList<>();
    final var ps =
        request.penalties() == null
            ? List.<ValuationRequest.PenaltyInput>of()
            : request.penalties();
    for (int i = 0; i < ps.size(); i++) {
      penalties.add(penalty(ps.get(i), "penalties[" + i + "]"));
    }
    return new ValuationTerms(
        payables, treatmentCharge(request.treatmentCharge()), refiningCharges, penalties);
  }

  public static Map<Element, Price> prices(final ValuationRequest request) {
    final Map<Element, Price> prices = new EnumMap<>(Element.class);
    if (request.prices() != null) {
      request
          .prices()
          .forEach(
              (symbol, input) -> {
                final String field = "prices." + symbol;
                final BigDecimal value =
                    required(input == null ? null : input.value(), field + ".value");
                if (value.signum() < 0) {
                  throw new InvalidValuationInput(
                      field + ".value", "cannot be negative, was " + value);
                }
                prices.put(
                    element(symbol, field),
                    new Price(value, enumValue(PriceUnit.class, input.unit(), field + ".unit")));
              });
    }
    return prices;
  }

  static ValuationResponse response(final ValuationRequest request, final Valuation valuation) {
    return new ValuationResponse(
        request.wetTonnes(),
        Rounding.quantity(valuation.dryTonnes(), 4),
        valuation.nsrPerDmt(),
        valuation.lotValue().amount(),
        valuation.lotValue().currency().getCurrencyCode(),
        valuation.lines().stream()
            .map(
                l ->
                    new ValuationResponse.Line(
                        l.kind().name(),
                        l.element() == null ? null : l.element().symbol(),
                        l.quantity(),
                        l.unit(),
                        Rounding.rate(l.rate()),
                        l.rateUnit(),
                        Rounding.rate(l.amountPerDmt()),
                        l.amount().amount(),
                        l.explanation()))
            .toList());
  }

  private static PayableTerm payable(
      final ValuationRequest.PayableInput input, final String field) {
    final List<GradeBand> bands = new ArrayList<>();
    if (input.gradeBands() != null) {
      for (final var band : input.gradeBands()) {
        bands.add(
            new GradeBand(
                band.fromGrade(), band.toGrade(), band.payablePct(), band.minDeductionUnits()));
      }
    }
    if (input.payablePct() == null && bands.isEmpty()) {
      throw new InvalidValuationInput(field + ".payablePct", "is required without gradeBands");
    }
    return new PayableTerm(
        element(input.element(), field + ".element"),
        input.payablePct(),
        input.minDeductionUnits(),
        input.minContent(),
        bands);
  }

  private static TreatmentCharge treatmentCharge(
      final ValuationRequest.TreatmentChargeInput input) {
    if (input == null) {
      return null;
    }
    final BigDecimal base = required(input.usdPerDmt(), "treatmentCharge.usdPerDmt");
    PriceEscalator escalator = null;
    if (input.escalator() != null) {
      final var e = input.escalator();
      escalator =
          new PriceEscalator(
              element(e.basis(), "treatmentCharge.escalator.basis"),
              required(e.basePrice(), "treatmentCharge.escalator.basePrice"),
              tiers(e.up(), "treatmentCharge.escalator.up"),
              tiers(e.down(), "treatmentCharge.escalator.down"));
    }
    return new TreatmentCharge(base, escalator, input.minUsdPerDmt(), input.maxUsdPerDmt());
  }

  private static List<EscalationTier> tiers(
      final List<ValuationRequest.TierInput> inputs, final String field) {
    final List<EscalationTier> tiers = new ArrayList<>();
    if (inputs != null) {
      for (int i = 0; i < inputs.size(); i++) {
        tiers.add(
            new EscalationTier(
                inputs.get(i).limitPrice(),
                required(inputs.get(i).ratePerUsd(), field + "[" + i + "].ratePerUsd")));
      }
    }
    return tiers;
  }

  private static Penalty penalty(final ValuationRequest.PenaltyInput input, final String field) {
    final Element element = element(input.element(), field + ".element");
    final List<PenaltyBand> bands = new ArrayList<>();
    try {
      if (input.bands() != null && !input.bands().isEmpty()) {
        for (final var band : input.bands()) {
          bands.add(
              new PenaltyBand(
                  required(band.threshold(), field + ".bands.threshold"),
                  band.upTo(),
                  required(band.step(), field + ".bands.step"),
                  required(band.usdPerStep(), field + ".bands.usdPerStep"),
                  !Boolean.FALSE.equals(band.proRata())));
        }
      } else {
        bands.add(
            new PenaltyBand(
                required(input.thresholdPct(), field + ".thresholdPct"),
                null,
                required(input.stepPct(), field + ".stepPct"),
                required(input.usdPerStep(), field + ".usdPerStep"),
                !Boolean.FALSE.equals(input.proRata())));
      }
    } catch (final InvalidValuationInput e) {
      throw e;
    } catch (final IllegalArgumentException e) {
      throw new InvalidValuationInput(field, e.getMessage());
    }
    return new Penalty(element, bands, input.maxUsdPerDmt());
  }

  private static Element element(final String symbol, final String field) {
    if (symbol == null || symbol.isBlank()) {
      throw new InvalidValuationInput(field, "is required");
    }
    try {
      return Element.ofSymbol(symbol);
    } catch (final IllegalArgumentException e) {
      throw new InvalidValuationInput(field, "unknown element '" + symbol + "'");
    }
  }

  private static <E extends Enum<E>> E enumValue(
      final Class<E> type, final String value, final String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValuationInput(field, "is required");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new InvalidValuationInput(
          field,
          "unknown unit '"
              + value
              + "'; expected one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static BigDecimal required(final BigDecimal value, final String field) {
    if (value == null) {
      throw new InvalidValuationInput(field, "is required");
    }
    return value;
  }
}
