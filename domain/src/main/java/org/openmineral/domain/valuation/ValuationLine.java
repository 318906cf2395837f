package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Money;

/**
 * One line of a valuation, signed: payable metal positive, charges and penalties negative.
 *
 * @param element the element, or null for the treatment charge
 * @param quantity what the line is computed on, per lot (payable t or ozt, dmt, payable lb...) or
 *     for penalties the content above the threshold per dmt
 * @param unit the quantity's unit: T, OZT, LB, DMT, or the assay unit for penalties
 * @param rate the price or charge applied to the quantity
 * @param rateUnit the rate's unit (USD/t, USD/ozt, USD/lb, USD/dmt)
 * @param amountPerDmt USD per dry tonne, full precision
 * @param amount USD for the lot, rounded to cents
 * @param explanation how the line was made, in words
 */
public record ValuationLine(
    Kind kind,
    Element element,
    BigDecimal quantity,
    String unit,
    BigDecimal rate,
    String rateUnit,
    BigDecimal amountPerDmt,
    Money amount,
    String explanation) {

  /** What a line is. */
  public enum Kind {
    PAYABLE,
    TC,
    RC,
    PENALTY
  }
}
