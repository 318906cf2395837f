package org.openmineral.domain.hedging;

/** Which way a physical leg moves the desk's position: a purchase adds metal, a sale removes it. */
public enum Direction {
  PURCHASE(1),
  SALE(-1);

  private final int sign;

  Direction(final int sign) {
    this.sign = sign;
  }

  /** +1 for a purchase, -1 for a sale. */
  public int sign() {
    return sign;
  }
}
