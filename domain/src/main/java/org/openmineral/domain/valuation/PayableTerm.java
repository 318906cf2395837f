package org.openmineral.domain.valuation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * What the buyer pays for of one element, in the units of its assay.
 *
 * <p>Payable grade {@code = min(grade × payablePct/100, grade − minDeduction)}, never below zero;
 * nothing is paid below {@code minContent}. That is the usual clause "pay 96.5 % of the Cu content,
 * subject to a minimum deduction of 1.0 unit": the deduction is the larger of the percentage
 * deduction and the minimum. A payable table ({@code gradeBands}) replaces the percentage and
 * minimum deduction for the band the grade falls in.
 *
 * @param minDeduction in assay units (percentage points for %, g/dmt for precious), or null
 * @param minContent grade below which nothing is paid, or null
 * @param gradeBands optional payable table by grade band (first matching band applies)
 */
public record PayableTerm(
    Element element,
    BigDecimal payablePct,
    BigDecimal minDeduction,
    BigDecimal minContent,
    List<GradeBand> gradeBands) {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  public PayableTerm {
    Objects.requireNonNull(element, "element");
    gradeBands = gradeBands == null ? List.of() : List.copyOf(gradeBands);
  }

  public static PayableTerm of(final Element element, final String payablePct) {
    return new PayableTerm(element, new BigDecimal(payablePct), null, null, List.of());
  }

  public PayableTerm withMinDeduction(final String units) {
    return new PayableTerm(element, payablePct, new BigDecimal(units), minContent, gradeBands);
  }

  public PayableTerm withMinContent(final String grade) {
    return new PayableTerm(element, payablePct, minDeduction, new BigDecimal(grade), gradeBands);
  }

  /** The payable grade for an assayed grade, with how it was reached. */
  public PayableGrade payableGrade(final BigDecimal grade) {
    if (minContent != null && grade.compareTo(minContent) < 0) {
      return new PayableGrade(
          BigDecimal.ZERO, "below the minimum content of " + minContent.toPlainString());
    }
    BigDecimal pct = payablePct;
    BigDecimal deduction = minDeduction;
    String source = "";
    for (final GradeBand band : gradeBands) {
      if (band.contains(grade)) {
        pct = band.payablePct();
        deduction = band.minDeduction();
        source = " (payable table band from " + band.fromGrade() + ")";
        break;
      }
    }
    if (pct == null) {
      throw new InvalidValuationInput(
          "payables." + element.symbol() + ".payablePct", "is required for this grade");
    }
    final BigDecimal byPercentage =
        grade.multiply(pct, Rounding.CALCULATION).divide(HUNDRED, Rounding.CALCULATION);
    if (deduction != null) {
      final BigDecimal byMinimum = grade.subtract(deduction, Rounding.CALCULATION);
      if (byMinimum.compareTo(byPercentage) < 0) {
        return new PayableGrade(
            byMinimum.max(BigDecimal.ZERO),
            "grade less the minimum deduction of " + deduction.toPlainString() + source);
      }
    }
    return new PayableGrade(byPercentage, pct.toPlainString() + " % of the grade" + source);
  }

  /** A payable grade and the rule that produced it. */
  public record PayableGrade(BigDecimal grade, String rule) {}
}
