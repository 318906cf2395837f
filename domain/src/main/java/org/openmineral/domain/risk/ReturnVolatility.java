package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * The volatility of a metal's price: the sample standard deviation of its simple one-observation
 * returns, annualised by the square root of time.
 *
 * <pre>
 * r_i   = P_(i+1) / P_i - 1,  i = 0 .. n-1
 * mean  = (r_0 + ... + r_(n-1)) / n
 * s     = sqrt( sum (r_i - mean)^2 / (n - 1) )
 * sigma = s x sqrt(periodsPerYear)        12 for monthly data, 252 for daily
 * </pre>
 *
 * Square-root-of-time scaling assumes independent returns (Hull, <i>Options, Futures and Other
 * Derivatives</i>, "estimating volatility from historical data"); monthly averages such as the
 * World Bank's are smoother than month-end prices, so their volatility is somewhat understated.
 * BigDecimal throughout, square roots by {@link BigDecimal#sqrt} in {@link Rounding#CALCULATION}.
 *
 * @param metal the metal
 * @param returns n
 * @param mean mean return per period
 * @param standardDeviation s, per period
 * @param periodsPerYear the annualisation factor's square
 * @param annualised sigma
 */
public record ReturnVolatility(
    Element metal,
    int returns,
    BigDecimal mean,
    BigDecimal standardDeviation,
    int periodsPerYear,
    BigDecimal annualised) {
  private static final MathContext MC = Rounding.CALCULATION;

  public ReturnVolatility {
    Objects.requireNonNull(metal, "metal");
  }

  /** The volatility of {@code series}, whose observations are {@code periodsPerYear} a year. */
  public static ReturnVolatility of(final HistoricalPrices series, final int periodsPerYear) {
    if (periodsPerYear < 1) {
      throw new RiskInputException("periods per year must be positive, got " + periodsPerYear);
    }
    final List<DatedPrice> prices = series.prices();
    final int n = prices.size() - 1;
    if (n < 2) {
      throw new RiskInputException(
          series.metal().symbol()
              + ": a standard deviation needs at least 3 prices, got "
              + prices.size());
    }
    final BigDecimal[] r = new BigDecimal[n];
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      r[i] =
          prices.get(i + 1).price().divide(prices.get(i).price(), MC).subtract(BigDecimal.ONE, MC);
      sum = sum.add(r[i], MC);
    }
    final BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
    BigDecimal squares = BigDecimal.ZERO;
    for (final BigDecimal ri : r) {
      final BigDecimal d = ri.subtract(mean, MC);
      squares = squares.add(d.multiply(d, MC), MC);
    }
    final BigDecimal s = squares.divide(BigDecimal.valueOf(n - 1L), MC).sqrt(MC);
    final BigDecimal sigma = s.multiply(BigDecimal.valueOf(periodsPerYear).sqrt(MC), MC);
    return new ReturnVolatility(series.metal(), n, mean, s, periodsPerYear, sigma);
  }
}
