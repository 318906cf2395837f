package org.openmineral.domain.forecasting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * An autoregressive model of order {@code p} on monthly log returns, fitted by ordinary least
 * squares over the latest {@code window} returns:
 *
 * <pre>
 * r_t = c + phi_1 r_(t-1) + ... + phi_p r_(t-p) + e_t,    e_t ~ N(0, sigma^2)
 * </pre>
 *
 * Forecasts iterate the fitted equation ({@code r_hat} for future returns, known returns for the
 * past) and add the forecast returns to the last log price; the point forecast is {@code exp} of
 * that (the median). The interval uses the model's forecast-error variance: with the psi weights of
 * the AR polynomial ({@code psi_0 = 1, psi_j = sum_i phi_i psi_(j-i)}), the error of the {@code
 * h}-month log price is {@code sum_{j=1..h} (r_j - r_hat_j)}, whose variance is
 *
 * <pre>
 * V(h) = sigma^2 x sum_{k=0..h-1} (psi_0 + ... + psi_k)^2
 * interval = exp(log point +- z sqrt(V(h)))
 * </pre>
 *
 * (Box, Jenkins, Reinsel, <i>Time Series Analysis</i>, ch. 5; parameter uncertainty is ignored, so
 * intervals are somewhat narrow for short windows). Monthly averages such as the World Bank's have
 * positively autocorrelated returns (an average of a random walk is smoother than the walk, Working
 * 1960), which is what this model can exploit at short horizons.
 *
 * <p>Least squares and the normal quantile are Apache Commons Math 3 ({@link
 * OLSMultipleLinearRegression}, {@link NormalDistribution}), Apache-2.0.
 */
public final class ArLogReturns implements ForecastModel {
  private final int order;
  private final int window;

  /** {@code order} p >= 1; {@code window}: how many of the latest returns the fit uses. */
  public ArLogReturns(final int order, final int window) {
    if (order < 1) {
      throw new ForecastException("the AR order must be at least 1, got " + order);
    }
    if (window < order + 10) {
      throw new ForecastException(
          "the estimation window must be at least the order + 10 returns, got " + window);
    }
    this.order = order;
    this.window = window;
  }

  @Override
  public String name() {
    return "AR(" + order + ") on log returns";
  }

  @Override
  public Forecast forecast(final double[] prices, final int horizon, final double coverage) {
    LogReturns.checkArguments(horizon, coverage);
    final double[] all = LogReturns.of(prices);
    final double[] r = Arrays.copyOfRange(all, Math.max(0, all.length - window), all.length);
    final int n = r.length - order;
    if (n < order + 10) {
      throw new ForecastException(
          name() + " needs at least " + (2 * order + 11) + " prices, got " + prices.length);
    }
    final double[] y = new double[n];
    final double[][] x = new double[n][order];
    for (int t = 0; t < n; t++) {
      y[t] = r[t + order];
      for (int i = 0; i < order; i++) {
        x[t][i] = r[t + order - 1 - i];
      }
    }
    final OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    final double[] beta = ols.estimateRegressionParameters(); // c, phi_1 .. phi_p
    final double sigma2 = ols.estimateErrorVariance();

    final double[] psi = new double[horizon];
    psi[0] = 1;
    for (int j = 1; j < horizon; j++) {
      double sum = 0;
      for (int i = 1; i <= Math.min(order, j); i++) {
        sum += beta[i] * psi[j - i];
      }
      psi[j] = sum;
    }

    final double z = new NormalDistribution().inverseCumulativeProbability((1 + coverage) / 2);
    final double[] history = new double[order + horizon];
    System.arraycopy(r, r.length - order, history, 0, order);
    double logPrice = Math.log(prices[prices.length - 1]);
    double cumulativePsi = 0;
    double variance = 0;
    final List<Forecast.Step> steps = new ArrayList<>();
    for (int h = 1; h <= horizon; h++) {
      double next = beta[0];
      for (int i = 1; i <= order; i++) {
        next += beta[i] * history[order + h - 1 - i];
      }
      history[order + h - 1] = next;
      logPrice += next;
      cumulativePsi += psi[h - 1];
      variance += sigma2 * cumulativePsi * cumulativePsi;
      final double half = z * Math.sqrt(variance);
      steps.add(
          new Forecast.Step(
              h, Math.exp(logPrice), Math.exp(logPrice - half), Math.exp(logPrice + half)));
    }
    return new Forecast(name(), coverage, steps);
  }
}
