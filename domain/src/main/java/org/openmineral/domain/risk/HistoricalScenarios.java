package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * Historical simulation: today's portfolio revalued under every price move of the history.
 *
 * <pre>
 * r_m,i  = P_m(t_(i+h)) / P_m(t_i) - 1                  simple return of metal m over h observations
 * P&amp;L_i = sum over metals m of q_m x P_m,now x r_m,i      i = 0 .. n-1, n = T - h
 * </pre>
 *
 * <ul>
 *   <li>q_m is the net quantity of all positions in metal m (P&amp;L is linear in quantity, so
 *       netting first gives the same P&amp;L as summing position by position).
 *   <li>The dates t_0 .. t_(T-1) are the dates on which every held metal has a price (the
 *       intersection of the series), oldest first; P_m,now is the price on the last of them.
 *   <li>The horizon h is counted in observations of the history: 1 is one day for a daily series,
 *       one month for the World Bank monthly averages. For h &gt; 1 windows overlap (every start
 *       date is used), which keeps the sample large but makes scenarios dependent.
 *   <li>Simple rather than log returns, so that a scenario is exactly the P&amp;L of the marked
 *       portfolio if prices move by that ratio (Dowd, <i>Measuring Market Risk</i>, Wiley,
 *       historical simulation).
 *   <li>Arithmetic in {@link Rounding#CALCULATION} (DECIMAL128, 34 significant digits); nothing is
 *       rounded before the figures are shown.
 * </ul>
 *
 * @param horizon h, in observations
 * @param marks the marked net position per metal
 * @param scenarios one P&amp;L per return window, in date order
 */
public record HistoricalScenarios(
    int horizon, List<PositionMark> marks, List<ScenarioPnl> scenarios) {
  private static final MathContext MC = Rounding.CALCULATION;

  public HistoricalScenarios {
    marks = List.copyOf(marks);
    scenarios = List.copyOf(scenarios);
  }

  /** The scenarios of {@code positions} under the one-observation returns of {@code history}. */
  public static HistoricalScenarios of(
      final List<PricePosition> positions, final PriceHistory history) {
    return of(positions, history, 1);
  }

  /**
   * The scenarios of {@code positions} under the {@code horizon}-observation returns of {@code
   * history}.
   *
   * @throws RiskInputException if there are no positions, a held metal has no history, or the
   *     common dates are too few for one return
   */
  public static HistoricalScenarios of(
      final List<PricePosition> positions, final PriceHistory history, final int horizon) {
    Objects.requireNonNull(positions, "positions");
    Objects.requireNonNull(history, "history");
    if (positions.isEmpty()) {
      throw new RiskInputException("no positions to simulate");
    }
    if (horizon < 1) {
      throw new RiskInputException("horizon must be at least one observation, got " + horizon);
    }
    final Map<Element, BigDecimal> net = new EnumMap<>(Element.class);
    final Map<Element, Integer> counts = new EnumMap<>(Element.class);
    for (final PricePosition position : positions) {
      net.merge(position.metal(), position.quantity(), BigDecimal::add);
      counts.merge(position.metal(), 1, Integer::sum);
    }
    final Element[] metals = net.keySet().toArray(Element[]::new);
    final List<LocalDate> dates = commonDates(metals, history);
    final int t = dates.size();
    if (t <= horizon) {
      throw new RiskInputException(
          "the held metals "
              + net.keySet()
              + " have "
              + t
              + " common price dates; a horizon of "
              + horizon
              + " needs at least "
              + (horizon + 1));
    }
    final BigDecimal[][] prices = new BigDecimal[metals.length][t];
    for (int m = 0; m < metals.length; m++) {
      final Map<LocalDate, BigDecimal> byDate = new HashMap<>();
      for (final DatedPrice p : history.series(metals[m]).prices()) {
        byDate.put(p.date(), p.price());
      }
      for (int i = 0; i < t; i++) {
        prices[m][i] = byDate.get(dates.get(i));
      }
    }
    final List<PositionMark> marks = new ArrayList<>(metals.length);
    final BigDecimal[] values = new BigDecimal[metals.length];
    for (int m = 0; m < metals.length; m++) {
      final BigDecimal now = prices[m][t - 1];
      values[m] = net.get(metals[m]).multiply(now, MC);
      marks.add(
          new PositionMark(
              metals[m],
              counts.get(metals[m]),
              net.get(metals[m]),
              history.series(metals[m]).unit(),
              dates.get(t - 1),
              now,
              values[m]));
    }
    final List<ScenarioPnl> scenarios = new ArrayList<>(t - horizon);
    for (int i = 0; i + horizon < t; i++) {
      final Map<Element, BigDecimal> returns = new EnumMap<>(Element.class);
      BigDecimal pnl = BigDecimal.ZERO;
      for (int m = 0; m < metals.length; m++) {
        final BigDecimal r =
            prices[m][i + horizon].divide(prices[m][i], MC).subtract(BigDecimal.ONE, MC);
        returns.put(metals[m], r);
        pnl = pnl.add(values[m].multiply(r, MC), MC);
      }
      scenarios.add(new ScenarioPnl(dates.get(i), dates.get(i + horizon), returns, pnl));
    }
    return new HistoricalScenarios(horizon, marks, scenarios);
  }

  /** VaR and expected shortfall at {@code confidence}, e.g. {@code 0.99}. */
  public HistoricalVar valueAtRisk(final BigDecimal confidence) {
    return HistoricalVar.of(this, confidence);
  }

  /** The current value of the portfolio: sum of the marks, USD, full precision. */
  public BigDecimal portfolioValue() {
    return marks.stream().map(PositionMark::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<LocalDate> commonDates(final Element[] metals, final PriceHistory history) {
    List<LocalDate> common = null;
    for (final Element metal : metals) {
      final List<LocalDate> dates =
          history.series(metal).prices().stream().map(DatedPrice::date).toList();
      if (common == null) {
        common = dates;
      } else {
        final Set<LocalDate> keep = new HashSet<>(dates);
        common = common.stream().filter(keep::contains).toList();
      }
    }
    return common;
  }
}
