package org.openmineral.domain.predeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmineral.domain.forecasting.PriceForecast;
import org.openmineral.domain.forecasting.PriceForecaster;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.RefiningChargeSeriesId;
import org.openmineral.domain.pricing.TreatmentChargeSeriesId;
import org.openmineral.domain.risk.DatedPrice;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.risk.ReturnVolatility;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.Rounding;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.domain.valuation.ValuationTerms;

/**
 * Analyses a {@link ProposedDeal} against the monthly price history of its metal:
 *
 * <ul>
 *   <li>trend: the last value, its change over 3 and 12 months, the 12-month average;
 *   <li>volatility: {@link ReturnVolatility} of the last 36 monthly returns, annualised by
 *       sqrt(12);
 *   <li>forecast band over the QP: the {@link PriceForecaster}'s monthly forecasts up to the QP's
 *       last month; QP months already published use their value;
 *   <li>valuation sensitivity: {@link ConcentrateValuer} at the QP point forecast moved by -10, -5,
 *       0, +5 and +10 %, other metals' prices held; a TC or an RC of the metal that the terms do
 *       not give is taken from the {@link ChargeBenchmarks} as of the analysis date, and the result
 *       says where each charge came from.
 * </ul>
 *
 * Pure and stateless: usable from the API, a worker or an agent tool.
 */
public final class PreDealAnalyst {
  /** The price moves of the sensitivity table, in percent. */
  public static final List<BigDecimal> MOVES =
      List.of(
          new BigDecimal("-10"),
          new BigDecimal("-5"),
          BigDecimal.ZERO,
          new BigDecimal("5"),
          new BigDecimal("10"));

  /** The furthest QP end a forecast is made for, in months after the last published value. */
  public static final int MAX_HORIZON = 24;

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final PriceForecaster forecaster;
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  public PreDealAnalyst(final PriceForecaster forecaster) {
    this.forecaster = forecaster;
  }

  /**
   * The analysis of {@code deal} on {@code history}, the monthly series of the deal's metal, with
   * the charges exactly as the terms give them.
   *
   * @throws PreDealInputException if the series is of another metal, too short, or the QP is out of
   *     range
   */
  public PreDealAnalysis analyse(final ProposedDeal deal, final PriceSeries history) {
    return analyse(deal, history, ChargeBenchmarks.none(), null);
  }

  /**
   * The analysis of {@code deal} on {@code history}; where the terms give no treatment charge, or
   * no refining charge of the analysed metal, the latest value on or before {@code analysisDate} of
   * the matching benchmark in {@code benchmarks} is used as a flat charge (no escalator, floor or
   * ceiling), and the result says which. Charges in the terms always win.
   *
   * @param analysisDate the date benchmarks are read as of (needed when {@code benchmarks} holds a
   *     series)
   * @throws PreDealInputException if the series is of another metal, too short, the QP is out of
   *     range, or a benchmark is of another metal
   */
  public PreDealAnalysis analyse(
      final ProposedDeal deal,
      final PriceSeries history,
      final ChargeBenchmarks benchmarks,
      final LocalDate analysisDate) {
    if (!(history.id() instanceof PriceSeriesId price) || price.metal() != deal.metal()) {
      throw new PreDealInputException(
          "metal", "the series " + history.id() + " does not price " + deal.metal().symbol());
    }
    final List<PriceFixing> fixings = history.fixings();
    if (fixings.size() < 37) {
      throw new PreDealInputException(
          "metal",
          history.id() + " holds " + fixings.size() + " months; the analysis needs at least 37");
    }
    final YearMonth lastMonth = YearMonth.from(fixings.getLast().date());
    final YearMonth firstMonth = YearMonth.from(fixings.getFirst().date());
    if (deal.qpFirst().isBefore(firstMonth)) {
      throw new PreDealInputException(
          "qpFirst", "the QP starts before the series' first month " + firstMonth);
    }
    final long horizon = ChronoUnit.MONTHS.between(lastMonth, deal.qpLast());
    if (horizon > MAX_HORIZON) {
      throw new PreDealInputException(
          "qpLast",
          "the QP ends "
              + horizon
              + " months after the last published price ("
              + lastMonth
              + "); forecasts go "
              + MAX_HORIZON
              + " months ahead at most");
    }

    final List<PreDealAnalysis.ChargeUsed> charges = new ArrayList<>();
    final ProposedDeal priced = withBenchmarks(deal, benchmarks, analysisDate, charges);
    final PriceForecast forecast = forecaster.forecast(history, (int) Math.max(1, horizon));
    final PreDealAnalysis.QpBand band = qpBand(deal, history, forecast);
    return new PreDealAnalysis(
        history.priceId(),
        history.provenance().attribution(),
        trend(fixings),
        volatility(history, fixings),
        forecast,
        band,
        sensitivities(priced, history, band.point()),
        charges);
  }

  /**
   * {@code deal} with benchmark charges where its terms give none; what was used in {@code used}.
   */
  private static ProposedDeal withBenchmarks(
      final ProposedDeal deal,
      final ChargeBenchmarks benchmarks,
      final LocalDate analysisDate,
      final List<PreDealAnalysis.ChargeUsed> used) {
    final ValuationTerms terms = deal.terms();
    final TreatmentCharge tc = treatmentCharge(deal, benchmarks, analysisDate, used);
    final List<RefiningCharge> rcs = refiningCharges(deal, benchmarks, analysisDate, used);
    return new ProposedDeal(
        deal.metal(),
        deal.qpFirst(),
        deal.qpLast(),
        deal.lot(),
        new ValuationTerms(terms.payables(), tc, rcs, terms.penalties()),
        deal.otherPrices());
  }

  /** The terms' TC, else the benchmark's as a flat charge, else none. */
  private static TreatmentCharge treatmentCharge(
      final ProposedDeal deal,
      final ChargeBenchmarks benchmarks,
      final LocalDate analysisDate,
      final List<PreDealAnalysis.ChargeUsed> used) {
    final TreatmentCharge given = deal.terms().treatmentCharge();
    if (given != null) {
      used.add(terms("TC", given.usdPerDmt(), TreatmentChargeSeriesId.UNIT));
      return given;
    }
    final PriceSeries series = benchmarks.treatmentCharge();
    final Optional<PriceFixing> benchmark = benchmark(series, deal, analysisDate);
    if (benchmark.isEmpty()) {
      used.add(none("TC"));
      return null;
    }
    used.add(fromBenchmark("TC", series, benchmark.get(), TreatmentChargeSeriesId.UNIT));
    return new TreatmentCharge(benchmark.get().value(), null, null, null);
  }

  /** The terms' RCs, with the benchmark's RC of the analysed metal when the terms give none. */
  private static List<RefiningCharge> refiningCharges(
      final ProposedDeal deal,
      final ChargeBenchmarks benchmarks,
      final LocalDate analysisDate,
      final List<PreDealAnalysis.ChargeUsed> used) {
    final List<RefiningCharge> rcs = new ArrayList<>(deal.terms().refiningCharges());
    final Optional<RefiningCharge> given =
        rcs.stream().filter(rc -> rc.element() == deal.metal()).findFirst();
    if (given.isPresent()) {
      used.add(terms("RC", given.get().amount(), given.get().unit().name()));
      return rcs;
    }
    final PriceSeries series = benchmarks.refiningCharge();
    final Optional<PriceFixing> benchmark = benchmark(series, deal, analysisDate);
    if (benchmark.isEmpty()) {
      used.add(none("RC"));
      return rcs;
    }
    final RefiningUnit unit = ((RefiningChargeSeriesId) series.id()).unit();
    used.add(fromBenchmark("RC", series, benchmark.get(), unit.name()));
    rcs.add(new RefiningCharge(deal.metal(), benchmark.get().value(), unit));
    return rcs;
  }

  private static PreDealAnalysis.ChargeUsed terms(
      final String charge, final BigDecimal value, final String unit) {
    return new PreDealAnalysis.ChargeUsed(
        charge, PreDealAnalysis.ChargeSource.TERMS, null, null, value, unit);
  }

  private static PreDealAnalysis.ChargeUsed fromBenchmark(
      final String charge, final PriceSeries series, final PriceFixing value, final String unit) {
    return new PreDealAnalysis.ChargeUsed(
        charge,
        PreDealAnalysis.ChargeSource.BENCHMARK,
        series.id().toString(),
        value.date(),
        value.value(),
        unit);
  }

  private static PreDealAnalysis.ChargeUsed none(final String charge) {
    return new PreDealAnalysis.ChargeUsed(
        charge, PreDealAnalysis.ChargeSource.NONE, null, null, null, null);
  }

  /** The latest value on or before {@code date} of {@code series}, which must be of the metal. */
  private static Optional<PriceFixing> benchmark(
      final PriceSeries series, final ProposedDeal deal, final LocalDate date) {
    if (series == null) {
      return Optional.empty();
    }
    final Element metal =
        switch (series.id()) {
          case TreatmentChargeSeriesId tc -> tc.metal();
          case RefiningChargeSeriesId rc -> rc.metal();
          default -> throw new IllegalStateException(series.id() + " is no charge benchmark");
        };
    if (metal != deal.metal()) {
      throw new PreDealInputException(
          "benchmarks", "the benchmark " + series.id() + " is not for " + deal.metal().symbol());
    }
    if (date == null) {
      throw new PreDealInputException("asOf", "benchmarks are read as of a date; none given");
    }
    return series.latestOnOrBefore(date);
  }

  private static PreDealAnalysis.Trend trend(final List<PriceFixing> fixings) {
    final int n = fixings.size();
    final BigDecimal last = fixings.get(n - 1).value();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = n - 12; i < n; i++) {
      sum = sum.add(fixings.get(i).value());
    }
    return new PreDealAnalysis.Trend(
        YearMonth.from(fixings.get(n - 1).date()),
        last,
        changePct(fixings.get(n - 4).value(), last),
        changePct(fixings.get(n - 13).value(), last),
        Rounding.rate(sum.divide(BigDecimal.valueOf(12), Rounding.CALCULATION)));
  }

  private static BigDecimal changePct(final BigDecimal from, final BigDecimal to) {
    return to.divide(from, Rounding.CALCULATION)
        .subtract(BigDecimal.ONE)
        .multiply(HUNDRED)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static ReturnVolatility volatility(
      final PriceSeries history, final List<PriceFixing> fixings) {
    final List<DatedPrice> last37 =
        fixings.subList(fixings.size() - 37, fixings.size()).stream()
            .map(f -> new DatedPrice(f.date(), f.value()))
            .toList();
    return ReturnVolatility.of(
        new HistoricalPrices(history.priceId().metal(), history.priceId().unit(), last37), 12);
  }

  private static PreDealAnalysis.QpBand qpBand(
      final ProposedDeal deal, final PriceSeries history, final PriceForecast forecast) {
    BigDecimal point = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    BigDecimal upper = BigDecimal.ZERO;
    int months = 0;
    int published = 0;
    for (YearMonth m = deal.qpFirst(); !m.isAfter(deal.qpLast()); m = m.plusMonths(1)) {
      final var value = history.valueFor(m);
      if (value.isPresent()) {
        point = point.add(value.get());
        lower = lower.add(value.get());
        upper = upper.add(value.get());
        published++;
      } else {
        final YearMonth month = m;
        final PriceForecast.Month f =
            forecast
                .forMonth(m)
                .orElseThrow(
                    () ->
                        new PreDealInputException(
                            "qpFirst", "no published value and no forecast for " + month));
        point = point.add(f.point());
        lower = lower.add(f.lower());
        upper = upper.add(f.upper());
      }
      months++;
    }
    final BigDecimal n = BigDecimal.valueOf(months);
    return new PreDealAnalysis.QpBand(
        deal.qpFirst(),
        deal.qpLast(),
        Rounding.rate(point.divide(n, Rounding.CALCULATION)),
        Rounding.rate(lower.divide(n, Rounding.CALCULATION)),
        Rounding.rate(upper.divide(n, Rounding.CALCULATION)),
        published);
  }

  private List<PreDealAnalysis.Sensitivity> sensitivities(
      final ProposedDeal deal, final PriceSeries history, final BigDecimal qpPoint) {
    final List<PreDealAnalysis.Sensitivity> rows = new ArrayList<>();
    BigDecimal base = null;
    final List<Valuation> valuations = new ArrayList<>();
    final List<BigDecimal> prices = new ArrayList<>();
    for (final BigDecimal move : MOVES) {
      final BigDecimal price =
          Rounding.rate(
              qpPoint.multiply(
                  BigDecimal.ONE.add(move.divide(HUNDRED, Rounding.CALCULATION)),
                  Rounding.CALCULATION));
      final Map<Element, Price> all = new EnumMap<>(Element.class);
      all.putAll(deal.otherPrices());
      all.put(deal.metal(), new Price(price, history.priceId().unit()));
      final Valuation valuation = valuer.value(deal.lot(), deal.terms(), all);
      valuations.add(valuation);
      prices.add(price);
      if (move.signum() == 0) {
        base = valuation.nsrPerDmt();
      }
    }
    for (int i = 0; i < MOVES.size(); i++) {
      final Valuation v = valuations.get(i);
      rows.add(
          new PreDealAnalysis.Sensitivity(
              MOVES.get(i),
              prices.get(i),
              v.nsrPerDmt(),
              v.lotValue().amount(),
              v.nsrPerDmt().subtract(base)));
    }
    return rows;
  }
}
