package org.openmineral.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The valued lot: NSR per dry tonne, lot value and every signed line. {@code amountPerDmt} is shown
 * to 4 places; {@code amount} (per lot) is rounded to cents and the lines add up to {@code
 * lotValue}.
 */
public record ValuationResponse(
    BigDecimal wetTonnes,
    BigDecimal dryTonnes,
    BigDecimal nsrPerDmt,
    BigDecimal lotValue,
    String currency,
    List<Line> lines) {

  /** One line of the valuation. */
  public record Line(
      String kind,
      String element,
      BigDecimal quantity,
      String unit,
      BigDecimal rate,
      String rateUnit,
      BigDecimal amountPerDmt,
      BigDecimal amount,
      String explanation) {}
}
