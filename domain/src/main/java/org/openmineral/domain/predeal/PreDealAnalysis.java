package org.openmineral.domain.predeal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.openmineral.domain.forecasting.PriceForecast;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.risk.ReturnVolatility;

/**
 * What the market says about a proposed deal.
 *
 * @param series the price series analysed
 * @param attribution the attribution its licence requires (empty if none)
 * @param trend where the price has been
 * @param volatility annualised volatility of the last 36 monthly returns
 * @param forecast the monthly forecast up to the end of the QP
 * @param qpBand the expected QP average and its band
 * @param sensitivities NSR per dmt and lot value for price moves around the QP point forecast
 * @param charges where the treatment charge and the analysed metal's refining charge come from: the
 *     proposed terms, a benchmark series (which one, and the fixing's date), or nowhere
 */
public record PreDealAnalysis(
    PriceSeriesId series,
    String attribution,
    Trend trend,
    ReturnVolatility volatility,
    PriceForecast forecast,
    QpBand qpBand,
    List<Sensitivity> sensitivities,
    List<ChargeUsed> charges) {
  public PreDealAnalysis {
    sensitivities = List.copyOf(sensitivities);
    charges = List.copyOf(charges);
  }

  /** Where a charge of the valuation comes from. */
  public enum ChargeSource {
    /** The proposed deal's terms give it: terms win over benchmarks. */
    TERMS,
    /** The terms give none; the latest benchmark on or before the analysis date is used. */
    BENCHMARK,
    /** Neither the terms nor a benchmark give it: the valuation is without it. */
    NONE
  }

  /**
   * A charge as used in the sensitivity valuations.
   *
   * @param charge {@code TC} or {@code RC}
   * @param source terms, benchmark or none
   * @param series the benchmark series used (null unless {@code BENCHMARK})
   * @param date the date of the benchmark value used (null unless {@code BENCHMARK})
   * @param value the base charge used (for terms, the base before any escalation), null if none
   * @param unit {@code USD_PER_DMT} for a TC, USD per payable unit for an RC, null if none
   */
  public record ChargeUsed(
      String charge,
      ChargeSource source,
      String series,
      LocalDate date,
      BigDecimal value,
      String unit) {}

  /**
   * Recent path of the price: last value and its change against 3 and 12 months before, in percent
   * to 2 places, and the 12-month average to 4 places.
   */
  public record Trend(
      YearMonth lastMonth,
      BigDecimal lastPrice,
      BigDecimal change3mPct,
      BigDecimal change12mPct,
      BigDecimal average12m) {}

  /**
   * The QP average: the mean over the QP months of their point forecasts (or published values), and
   * the means of their interval bounds. Averaging the bounds overstates the band of an average
   * (months do not all end at their bound together), so the band is on the cautious side.
   *
   * @param publishedMonths QP months whose value is already published and used as is
   */
  public record QpBand(
      YearMonth first,
      YearMonth last,
      BigDecimal point,
      BigDecimal lower,
      BigDecimal upper,
      int publishedMonths) {}

  /**
   * The valuation at the QP point forecast moved by {@code movePct} percent.
   *
   * @param price the metal price used
   * @param nsrPerDmt net smelter return per dry tonne, 4 places
   * @param lotValue the lot value in USD, to the cent
   * @param nsrChangePerDmt against the unmoved price
   */
  public record Sensitivity(
      BigDecimal movePct,
      BigDecimal price,
      BigDecimal nsrPerDmt,
      BigDecimal lotValue,
      BigDecimal nsrChangePerDmt) {}
}
