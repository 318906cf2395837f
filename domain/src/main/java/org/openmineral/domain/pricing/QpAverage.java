package org.openmineral.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.Rounding;

/**
 * The average price of a quotational period, with everything that went into it.
 *
 * <p>Formula: {@code average = (p_1 + ... + p_n) / n} over the official prices {@code p_i} of the
 * series dated within the period and published on or before the valuation date; each fixing counts
 * once, with equal weight. The LME defines its Monthly Average Settlement Price the same way, as
 * the mean of the month's official settlement prices (cash seller)
 * (https://www.lme.com/en-GB/Market-Data/Reports-and-data/Monthly-averages).
 *
 * <p>Pricing dates:
 *
 * <ul>
 *   <li>Daily series: every day of the period that has a fixing is used. Weekends have no fixing
 *       and are not pricing days. A weekday up to the valuation date without a fixing is listed in
 *       {@link #datesWithoutFixing()} (an exchange holiday or missing data; the series has no
 *       holiday calendar, so the list is there for a person to check). Weekdays after the valuation
 *       date are {@link #unpricedDates()}: still to be fixed.
 *   <li>Monthly series: the period must be whole calendar months; each month's published value is
 *       one price, usable once the month has ended (a monthly average is not known before). A past
 *       month with no value is listed in {@link #datesWithoutFixing()}; a month not yet ended is
 *       unpriced.
 * </ul>
 *
 * <p>Rounding: the sum and the quotient are kept at 34 significant digits ({@link
 * Rounding#CALCULATION}) in {@link #unroundedAverage()}; {@link #average()} is that rounded to 4
 * decimal places half up ({@link Rounding#rate}), e.g. USD/t to 4 places. The {@link
 * #pricedFraction()} is {@code n / (n + unpriced dates)} to 6 places half up: the share of the
 * period already priced, which exposure calculations hedge against; the unpriced remainder assumes
 * every remaining weekday will fix.
 *
 * @param series the series averaged
 * @param provenance where its prices come from (attribution to show with the figure)
 * @param window the period
 * @param valuationDate the date as of which prices are known
 * @param status complete, partial, not started, or without any price
 * @param fixingsUsed the fixings averaged, oldest first
 * @param datesWithoutFixing past pricing dates (weekdays, or months) with no value in the series
 * @param unpricedDates pricing dates after the valuation date
 * @param unroundedAverage the average at full precision, empty if no fixing was used
 * @param average the average rounded to 4 places half up, empty if no fixing was used
 * @param pricedFraction {@code n / (n + unpriced)}, 6 places half up; 0 if nothing is priced
 */
public record QpAverage(
    PriceSeriesId series,
    SeriesProvenance provenance,
    QpWindow window,
    LocalDate valuationDate,
    Status status,
    List<PriceFixing> fixingsUsed,
    List<LocalDate> datesWithoutFixing,
    List<LocalDate> unpricedDates,
    Optional<BigDecimal> unroundedAverage,
    Optional<BigDecimal> average,
    BigDecimal pricedFraction) {

  /** Decimal places of {@link #average()}. */
  public static final int AVERAGE_SCALE = 4;

  /** Decimal places of {@link #pricedFraction()}. */
  public static final int FRACTION_SCALE = 6;

  /** How far the pricing of a period has got. */
  public enum Status {
    /** Every pricing date has passed and at least one had a price: the average is final. */
    COMPLETE,
    /** Some dates are priced, some are still to come: the average so far is provisional. */
    PARTIAL,
    /** No date is priced yet and some are still to come. */
    NOT_STARTED,
    /** The whole period has passed and the series has no price in it at all. */
    NO_PRICES
  }

  public QpAverage {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(valuationDate, "valuationDate");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(unroundedAverage, "unroundedAverage");
    Objects.requireNonNull(average, "average");
    Objects.requireNonNull(pricedFraction, "pricedFraction");
    fixingsUsed = List.copyOf(fixingsUsed);
    datesWithoutFixing = List.copyOf(datesWithoutFixing);
    unpricedDates = List.copyOf(unpricedDates);
  }

  static QpAverage of(
      final PriceSeries series, final QpWindow window, final LocalDate valuationDate) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(valuationDate, "valuationDate");
    final List<PriceFixing> used = new ArrayList<>();
    final List<LocalDate> without = new ArrayList<>();
    final List<LocalDate> unpriced = new ArrayList<>();
    if (!(series.id() instanceof PriceSeriesId)) {
      throw new QuotationalPeriodException(
          "the " + series.kind() + " series " + series.id() + " holds no metal prices to average");
    }
    if (series.frequency() == SeriesFrequency.ANNUAL) {
      throw new QuotationalPeriodException(
          "the annual series " + series.id() + " cannot price a quotational period");
    }
    if (series.frequency() == SeriesFrequency.MONTHLY) {
      if (!window.isWholeMonths()) {
        throw new QuotationalPeriodException(
            "the monthly series "
                + series.id()
                + " can price only whole calendar months, not "
                + window);
      }
      for (YearMonth m = YearMonth.from(window.firstDay());
          !m.isAfter(YearMonth.from(window.lastDay()));
          m = m.plusMonths(1)) {
        final LocalDate key = m.atDay(1);
        if (m.atEndOfMonth().isAfter(valuationDate)) {
          unpriced.add(key);
        } else {
          final Optional<BigDecimal> v = series.valueFor(m);
          if (v.isPresent()) {
            used.add(new PriceFixing(key, v.get()));
          } else {
            without.add(key);
          }
        }
      }
    } else {
      for (LocalDate d = window.firstDay(); !d.isAfter(window.lastDay()); d = d.plusDays(1)) {
        final boolean weekday =
            d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (d.isAfter(valuationDate)) {
          if (weekday) {
            unpriced.add(d);
          }
        } else {
          final Optional<BigDecimal> v = series.valueOn(d);
          if (v.isPresent()) {
            used.add(new PriceFixing(d, v.get()));
          } else if (weekday) {
            without.add(d);
          }
        }
      }
    }
    final Status status;
    if (unpriced.isEmpty()) {
      status = used.isEmpty() ? Status.NO_PRICES : Status.COMPLETE;
    } else {
      status = used.isEmpty() ? Status.NOT_STARTED : Status.PARTIAL;
    }
    Optional<BigDecimal> unrounded = Optional.empty();
    if (!used.isEmpty()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (final PriceFixing f : used) {
        sum = sum.add(f.value(), Rounding.CALCULATION);
      }
      unrounded = Optional.of(sum.divide(BigDecimal.valueOf(used.size()), Rounding.CALCULATION));
    }
    final int pricingDates = used.size() + unpriced.size();
    final BigDecimal fraction =
        pricingDates == 0
            ? BigDecimal.ZERO.setScale(FRACTION_SCALE)
            : BigDecimal.valueOf(used.size())
                .divide(BigDecimal.valueOf(pricingDates), FRACTION_SCALE, RoundingMode.HALF_UP);
    return new QpAverage(
        series.priceId(),
        series.provenance(),
        window,
        valuationDate,
        status,
        used,
        without,
        unpriced,
        unrounded,
        unrounded.map(Rounding::rate),
        fraction);
  }

  /** Number of fixings averaged. */
  public int fixingCount() {
    return fixingsUsed.size();
  }

  /** True when the period is fully priced and the average is final. */
  public boolean isFinal() {
    return status == Status.COMPLETE;
  }

  /** The rounded average as a {@link Price} in the series' unit, if any fixing was used. */
  public Optional<Price> averagePrice() {
    return average.map(a -> new Price(a, series.unit()));
  }

  /**
   * The final average, rounded to 4 places.
   *
   * @throws QuotationalPeriodException if the period is not yet fully priced or has no prices
   */
  public BigDecimal finalAverage() {
    return switch (status) {
      case COMPLETE -> average.orElseThrow();
      case PARTIAL ->
          throw new QuotationalPeriodException(
              "quotational period "
                  + window
                  + " of "
                  + series
                  + " is only partly priced as of "
                  + valuationDate
                  + ": "
                  + fixingsUsed.size()
                  + " fixings, "
                  + unpricedDates.size()
                  + " pricing dates to come (priced fraction "
                  + pricedFraction.toPlainString()
                  + ")");
      case NOT_STARTED ->
          throw new QuotationalPeriodException(
              "quotational period "
                  + window
                  + " of "
                  + series
                  + " has not started pricing as of "
                  + valuationDate);
      case NO_PRICES ->
          throw new QuotationalPeriodException(
              "quotational period "
                  + window
                  + " has passed but "
                  + series
                  + " has no price in it ("
                  + datesWithoutFixing.size()
                  + " pricing dates without a fixing)");
    };
  }
}
