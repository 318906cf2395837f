package org.openmineral.domain.pricing;

/**
 * What a series in the store holds. Every kind is imported, validated, stored and read the same
 * way; the kind decides how its code is written and which values are acceptable.
 */
public enum SeriesKind {
  /** A metal price: {@code Cu/LME_CASH/USD_PER_T} ({@link PriceSeriesId}). */
  PRICE,
  /**
   * An exchange rate: units of the quote currency per one unit of the base currency, e.g. {@code
   * FX:EUR/USD/ECB} ({@link FxSeriesId}).
   */
  FX,
  /**
   * A treatment charge benchmark in USD per dry metric tonne of concentrate, e.g. {@code
   * TC:Cu/BENCHMARK/USD_PER_DMT} ({@link TreatmentChargeSeriesId}).
   */
  TC,
  /**
   * A refining charge benchmark in USD per payable unit of metal, e.g. {@code
   * RC:Cu/BENCHMARK/USD_PER_LB} ({@link RefiningChargeSeriesId}).
   */
  RC
}
