package org.openmineral.domain.assay;

/**
 * The unit an assay is reported in. Payable base metals and most deleterious elements are reported
 * in percent of dry weight, precious metals in grams (or, on North American terms, troy ounces) per
 * dry metric tonne, trace deleterious elements (Hg, Cd) in parts per million. The constant names
 * are the API's spelling.
 */
public enum AssayUnit {
  /** Percent of the dry weight: 25 means 25 % (0.25 t per dmt). */
  PCT("%"),
  /** Grams per dry metric tonne. */
  G_PER_DMT("g/dmt"),
  /** Troy ounces per dry metric tonne. */
  OZT_PER_DMT("ozt/dmt"),
  /** Parts per million of the dry weight, i.e. grams per dmt. */
  PPM("ppm");

  private final String symbol;

  AssayUnit(final String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
