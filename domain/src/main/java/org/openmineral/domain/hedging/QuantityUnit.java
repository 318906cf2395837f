package org.openmineral.domain.hedging;

import org.openmineral.domain.units.Element;

/**
 * The unit a metal position is counted in: metric tonnes of contained payable metal for base metals
 * (as the LME quotes them), troy ounces for precious metals (as COMEX and the LBMA quote them).
 */
public enum QuantityUnit {
  TONNE("t"),
  TROY_OUNCE("ozt");

  private final String symbol;

  QuantityUnit(final String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Troy ounces for precious metals, tonnes for every other element. */
  public static QuantityUnit usualFor(final Element metal) {
    return metal.kind() == Element.Kind.PRECIOUS ? TROY_OUNCE : TONNE;
  }
}
