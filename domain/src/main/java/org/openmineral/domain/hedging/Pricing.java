package org.openmineral.domain.hedging;

import java.time.LocalDate;

/**
 * How a physical leg's metal price is set: fixed on one date, or averaged over a quotational
 * period.
 */
public sealed interface Pricing permits FixedPrice, QpPricing {

  /** How much of the pricing has happened at the end of {@code asOf}. */
  PricingProgress progressOn(LocalDate asOf);

  /** A short human description, e.g. {@code "QP 2026-02-02..2026-02-27 (20 pricing days)"}. */
  String describe();
}
