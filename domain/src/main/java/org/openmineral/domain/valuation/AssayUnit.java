package org.openmineral.domain.valuation;

/** How an assay is reported. */
public enum AssayUnit {
  /** Percent of the dry weight: 25 means 25 % (0.25 t per dmt). */
  PCT,
  /** Grams per dry metric tonne (precious metals). */
  G_PER_DMT,
  /** Troy ounces per dry metric tonne (precious metals, North American terms). */
  OZT_PER_DMT,
  /** Parts per million of the dry weight, i.e. grams per dmt (e.g. Hg). */
  PPM
}
