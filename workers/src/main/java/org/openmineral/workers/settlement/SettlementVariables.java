package org.openmineral.workers.settlement;

import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.assay.AssayExchange;
import org.openmineral.domain.assay.AssayUnit;
import org.openmineral.domain.assay.SplittingLimit;
import org.openmineral.domain.assay.UmpireRule;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.Penalty;
import org.openmineral.domain.valuation.PenaltyBand;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.domain.valuation.ValuationLine;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * The settlement process's variable shapes and their mapping to the domain. Every conversion that
 * fails throws {@link InvalidSettlementInput} naming the variable.
 */
public final class SettlementVariables {
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

  private SettlementVariables() {}

  /** A figure with its unit: an assay {@code {"value": 25.1, "unit": "PCT"}} or a price. */
  public record Quantity(BigDecimal value, String unit) {}

  /**
   * The contract terms of the lot (variable {@code terms}).
   *
   * @param payables payable terms
   * @param treatmentCharge flat treatment charge, or null
   * @param refiningCharges refining charges, may be null
   * @param penalties one-band penalties, may be null
   * @param splittingLimits the assay exchange's limits, one per exchanged element
   * @param umpireRule UMPIRE_RESULT_IF_BETWEEN or MEAN_OF_UMPIRE_AND_NEARER_PARTY_IF_BETWEEN
   */
  public record Terms(
      List<PayableInput> payables,
      TreatmentChargeInput treatmentCharge,
      List<RefiningChargeInput> refiningCharges,
      List<PenaltyInput> penalties,
      List<SplittingLimitInput> splittingLimits,
      String umpireRule) {}

  /** {@code {"element": "Cu", "payablePct": 96.5, "minDeductionUnits": 1.0}}. */
  public record PayableInput(
      String element, BigDecimal payablePct, BigDecimal minDeductionUnits, BigDecimal minContent) {}

  /** {@code {"usdPerDmt": 80}}. */
  public record TreatmentChargeInput(BigDecimal usdPerDmt) {}

  /** {@code {"element": "Cu", "amount": 0.08, "unit": "USD_PER_LB"}}. */
  public record RefiningChargeInput(String element, BigDecimal amount, String unit) {}

  /** {@code {"element": "As", "threshold": 0.2, "step": 0.1, "usdPerStep": 3, "proRata": true}}. */
  public record PenaltyInput(
      String element,
      BigDecimal threshold,
      BigDecimal step,
      BigDecimal usdPerStep,
      Boolean proRata,
      BigDecimal maxUsdPerDmt) {}

  /** {@code {"element": "Cu", "maxDifference": 0.20, "unit": "PCT"}}. */
  public record SplittingLimitInput(String element, BigDecimal maxDifference, String unit) {}

  /** An umpire's result, in the unit of the element's splitting limit. */
  public record UmpireResult(String element, BigDecimal value) {}

  /** A failure of the input: the job fails without retries and an incident names the cause. */
  public static final class InvalidSettlementInput extends IllegalArgumentException {
    public InvalidSettlementInput(final String variable, final String reason) {
      super("variable '" + variable + "' " + reason);
    }
  }

  static RuntimeException incident(final String what, final RuntimeException e) {
    return CamundaError.jobError(what + ": " + e.getMessage(), Map.of(), 0, Duration.ZERO, null);
  }

  static RuntimeException retry(final String what, final int retries, final RuntimeException e) {
    return CamundaError.jobError(
        what + " failed: " + e.getMessage(), Map.of(), Math.max(0, retries - 1), RETRY_BACKOFF, e);
  }

  static <T> T required(final T value, final String variable) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidSettlementInput(variable, "is required");
    }
    return value;
  }

  static Element element(final String symbol, final String variable) {
    try {
      return Element.ofSymbol(required(symbol, variable));
    } catch (final IllegalArgumentException e) {
      throw new InvalidSettlementInput(variable, e.getMessage());
    }
  }

  static <E extends Enum<E>> E enumValue(
      final Class<E> type, final String value, final String variable) {
    try {
      return Enum.valueOf(type, required(value, variable).trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new InvalidSettlementInput(
          variable,
          "is '"
              + value
              + "'; expected one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  static ConcentrateLot lot(
      final BigDecimal wetTonnes,
      final BigDecimal moisturePct,
      final BigDecimal franchisePct,
      final Map<String, Quantity> assays,
      final String variable) {
    final DryWeight weight = DryWeight.of(wetTonnes, moisturePct, franchisePct);
    return ConcentrateLot.of(weight, assays(assays, variable));
  }

  static List<Assay> assays(final Map<String, Quantity> assays, final String variable) {
    final List<Assay> list = new ArrayList<>();
    required(assays, variable)
        .forEach(
            (symbol, q) -> {
              final String field = variable + "." + symbol;
              list.add(
                  new Assay(
                      element(symbol, field),
                      required(q == null ? null : q.value(), field + ".value"),
                      enumValue(AssayUnit.class, q.unit(), field + ".unit")));
            });
    return list;
  }

  static Map<Element, Price> prices(final Map<String, Quantity> prices, final String variable) {
    final Map<Element, Price> map = new EnumMap<>(Element.class);
    required(prices, variable)
        .forEach(
            (symbol, q) -> {
              final String field = variable + "." + symbol;
              map.put(
                  element(symbol, field),
                  new Price(
                      required(q == null ? null : q.value(), field + ".value"),
                      enumValue(PriceUnit.class, q.unit(), field + ".unit")));
            });
    return map;
  }

  /**
   * Checks contract terms as the settlement workers will read them, e.g. when a deal is captured.
   *
   * @throws InvalidSettlementInput naming the variable, or the domain's exception for a term it
   *     refuses
   */
  public static void checkTerms(final Terms terms) {
    valuationTerms(terms);
    assayExchange(terms);
  }

  static ValuationTerms valuationTerms(final Terms terms) {
    required(terms, "terms");
    final List<PayableTerm> payables = new ArrayList<>();
    for (final PayableInput p : required(terms.payables(), "terms.payables")) {
      payables.add(
          new PayableTerm(
              element(p.element(), "terms.payables.element"),
              required(p.payablePct(), "terms.payables.payablePct"),
              p.minDeductionUnits(),
              p.minContent(),
              List.of()));
    }
    final List<RefiningCharge> rcs = new ArrayList<>();
    if (terms.refiningCharges() != null) {
      for (final RefiningChargeInput rc : terms.refiningCharges()) {
        rcs.add(
            new RefiningCharge(
                element(rc.element(), "terms.refiningCharges.element"),
                required(rc.amount(), "terms.refiningCharges.amount"),
                enumValue(RefiningUnit.class, rc.unit(), "terms.refiningCharges.unit")));
      }
    }
    final List<Penalty> penalties = new ArrayList<>();
    if (terms.penalties() != null) {
      for (final PenaltyInput p : terms.penalties()) {
        penalties.add(
            new Penalty(
                element(p.element(), "terms.penalties.element"),
                List.of(
                    new PenaltyBand(
                        required(p.threshold(), "terms.penalties.threshold"),
                        null,
                        required(p.step(), "terms.penalties.step"),
                        required(p.usdPerStep(), "terms.penalties.usdPerStep"),
                        !Boolean.FALSE.equals(p.proRata()))),
                p.maxUsdPerDmt()));
      }
    }
    final TreatmentCharge tc =
        terms.treatmentCharge() == null
            ? null
            : new TreatmentCharge(
                required(terms.treatmentCharge().usdPerDmt(), "terms.treatmentCharge.usdPerDmt"),
                null,
                null,
                null);
    return new ValuationTerms(payables, tc, rcs, penalties);
  }

  static AssayExchange assayExchange(final Terms terms) {
    required(terms, "terms");
    final List<SplittingLimit> limits = new ArrayList<>();
    for (final SplittingLimitInput l : required(terms.splittingLimits(), "terms.splittingLimits")) {
      limits.add(
          new SplittingLimit(
              element(l.element(), "terms.splittingLimits.element"),
              required(l.maxDifference(), "terms.splittingLimits.maxDifference"),
              enumValue(AssayUnit.class, l.unit(), "terms.splittingLimits.unit")));
    }
    return AssayExchange.of(
        enumValue(UmpireRule.class, terms.umpireRule(), "terms.umpireRule"),
        limits.toArray(SplittingLimit[]::new));
  }

  /** The valuation's lines as JSON-ready maps (for the invoice and the process). */
  static List<Map<String, Object>> lines(final Valuation valuation) {
    final List<Map<String, Object>> lines = new ArrayList<>();
    for (final ValuationLine l : valuation.lines()) {
      final Map<String, Object> line = new LinkedHashMap<>();
      line.put("kind", l.kind().name());
      line.put("element", l.element() == null ? null : l.element().symbol());
      line.put("quantity", l.quantity());
      line.put("unit", l.unit());
      line.put("rate", l.rate());
      line.put("rateUnit", l.rateUnit());
      line.put("amount", l.amount().amount());
      line.put("explanation", l.explanation());
      lines.add(line);
    }
    return lines;
  }
}
