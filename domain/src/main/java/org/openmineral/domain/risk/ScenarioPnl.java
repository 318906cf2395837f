package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.openmineral.domain.units.Element;

/**
 * One historical scenario: the price moves from {@code from} to {@code to} applied to today's
 * portfolio.
 *
 * @param from start of the return window
 * @param to end of the return window
 * @param returns simple return per metal, {@code P(to) / P(from) - 1}
 * @param pnl {@code sum over metals of value x return}, USD, full precision
 */
public record ScenarioPnl(
    LocalDate from, LocalDate to, Map<Element, BigDecimal> returns, BigDecimal pnl) {
  public ScenarioPnl {
    returns = returns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(returns));
  }
}
