package org.openmineral.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/pricing/valuations}: a lot, its contract terms and the prices to value it at.
 * Numbers are read exactly as written (no binary floating point).
 */
public record ValuationRequest(
    BigDecimal wetTonnes,
    BigDecimal moisturePct,
    BigDecimal franchisePct,
    Map<String, AssayInput> assays,
    List<PayableInput> payables,
    TreatmentChargeInput treatmentCharge,
    List<RefiningChargeInput> refiningCharges,
    List<PenaltyInput> penalties,
    Map<String, PriceInput> prices) {

  /** An assay: {@code {"value": 25.0, "unit": "PCT"}}; units PCT, G_PER_DMT, OZT_PER_DMT, PPM. */
  public record AssayInput(BigDecimal value, String unit) {}

  /** A payable term; {@code minDeductionUnits} and {@code minContent} are in assay units. */
  public record PayableInput(
      String element,
      BigDecimal payablePct,
      BigDecimal minDeductionUnits,
      BigDecimal minContent,
      List<GradeBandInput> gradeBands) {}

  /** A row of a payable table by grade. */
  public record GradeBandInput(
      BigDecimal fromGrade,
      BigDecimal toGrade,
      BigDecimal payablePct,
      BigDecimal minDeductionUnits) {}

  /** Treatment charge with optional price escalator, floor and ceiling. */
  public record TreatmentChargeInput(
      BigDecimal usdPerDmt,
      EscalatorInput escalator,
      BigDecimal minUsdPerDmt,
      BigDecimal maxUsdPerDmt) {}

  /** Price participation: tiers above and below the base price (USD/t of the basis metal). */
  public record EscalatorInput(
      String basis, BigDecimal basePrice, List<TierInput> up, List<TierInput> down) {}

  /** One escalator tier: {@code ratePerUsd} up to {@code limitPrice} (null: no limit). */
  public record TierInput(BigDecimal limitPrice, BigDecimal ratePerUsd) {}

  /** A refining charge; units USD_PER_LB, USD_PER_OZT, USD_PER_T. */
  public record RefiningChargeInput(String element, BigDecimal amount, String unit) {}

  /**
   * A penalty: one band from {@code thresholdPct}, {@code stepPct}, {@code usdPerStep}, {@code
   * proRata}, or several in {@code bands}; thresholds and steps are in the assay's unit.
   */
  public record PenaltyInput(
      String element,
      BigDecimal thresholdPct,
      BigDecimal stepPct,
      BigDecimal usdPerStep,
      Boolean proRata,
      List<PenaltyBandInput> bands,
      BigDecimal maxUsdPerDmt) {}

  /** One penalty band. */
  public record PenaltyBandInput(
      BigDecimal threshold,
      BigDecimal upTo,
      BigDecimal step,
      BigDecimal usdPerStep,
      Boolean proRata) {}

  /**
   * A price: {@code {"value": 9000, "unit": "USD_PER_T"}}; units USD_PER_T, USD_PER_KG, USD_PER_LB,
   * USD_PER_OZT.
   */
  public record PriceInput(BigDecimal value, String unit) {}
}
