package org.openmineral.domain.hedging;

import java.util.Objects;

/**
 * A purchase and the sale it is matched against (back-to-back), named by leg ids in a {@link
 * TradingBook}. The pair has no flat-price exposure once both are priced; between the two
 * quotational periods it has the QP mismatch exposure ({@link QpMismatch}).
 */
public record BackToBackPair(String purchaseId, String saleId) {
  public BackToBackPair {
    Objects.requireNonNull(purchaseId, "purchaseId");
    Objects.requireNonNull(saleId, "saleId");
  }
}
