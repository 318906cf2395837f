package org.openmineral.domain.assay;

/**
 * The unit an assay is reported in. Payable base metals and most deleterious elements are reported
 * in percent of dry weight, precious metals in grams per dry metric tonne, trace deleterious
 * elements (Hg, Cd) in parts per million.
 */
public enum AssayUnit {
  PERCENT("%"),
  GRAMS_PER_DMT("g/dmt"),
  PPM("ppm");

  private final String symbol;

  AssayUnit(final String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
