package org.openmineral.domain.valuation;

import java.math.BigDecimal;

/**
 * One row of a payable table: for a grade in {@code [fromGrade, toGrade)} (assay units; a null
 * bound is open), pay {@code payablePct} subject to {@code minDeduction}.
 */
public record GradeBand(
    BigDecimal fromGrade, BigDecimal toGrade, BigDecimal payablePct, BigDecimal minDeduction) {

  boolean contains(final BigDecimal grade) {
    return (fromGrade == null || grade.compareTo(fromGrade) >= 0)
        && (toGrade == null || grade.compareTo(toGrade) < 0);
  }
}
