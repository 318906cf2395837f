package org.openmineral.domain.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable series of official values for one {@link SeriesId}: metal prices, exchange rates or
 * charge benchmarks, at most one value per date (per month for {@link SeriesFrequency#MONTHLY}
 * series, stored under the first of the month; per year for {@link SeriesFrequency#ANNUAL}, under 1
 * January), with the provenance every figure built on it carries.
 *
 * <p>Series are built by importing into a {@link PriceSeriesStore}, which validates the rows; a
 * series itself only guarantees one value per date.
 */
public final class PriceSeries {
  private final SeriesId id;
  private final SeriesFrequency frequency;
  private final SeriesProvenance provenance;
  private final NavigableMap<LocalDate, BigDecimal> values;

  private PriceSeries(
      final SeriesId id,
      final SeriesFrequency frequency,
      final SeriesProvenance provenance,
      final NavigableMap<LocalDate, BigDecimal> values) {
    this.id = Objects.requireNonNull(id, "id");
    this.frequency = Objects.requireNonNull(frequency, "frequency");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.values = Collections.unmodifiableNavigableMap(values);
  }

  /**
   * A series holding {@code fixings}.
   *
   * @throws IllegalArgumentException if two fixings share a date, or a monthly fixing is not dated
   *     the first of its month
   */
  public static PriceSeries of(
      final SeriesId id,
      final SeriesFrequency frequency,
      final SeriesProvenance provenance,
      final Collection<PriceFixing> fixings) {
    return new PriceSeries(id, frequency, provenance, new TreeMap<>()).withFixings(fixings);
  }

  public SeriesId id() {
    return id;
  }

  /** What the series holds. */
  public SeriesKind kind() {
    return id.kind();
  }

  /**
   * The id of a metal price series.
   *
   * @throws IllegalStateException if this series holds FX rates or charge benchmarks
   */
  public PriceSeriesId priceId() {
    if (id instanceof PriceSeriesId price) {
      return price;
    }
    throw new IllegalStateException(id + " is a " + id.kind() + " series, not a metal price");
  }

  public SeriesFrequency frequency() {
    return frequency;
  }

  public SeriesProvenance provenance() {
    return provenance;
  }

  /** Number of fixings. */
  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Every fixing, oldest first. */
  public List<PriceFixing> fixings() {
    return values.entrySet().stream().map(e -> new PriceFixing(e.getKey(), e.getValue())).toList();
  }

  /** The value published for {@code date}, if any. */
  public Optional<BigDecimal> valueOn(final LocalDate date) {
    return Optional.ofNullable(values.get(date));
  }

  /**
   * The last fixing dated on or before {@code date}: the price a position is marked at on that date
   * (for a monthly series, the average of the month in which {@code date} falls or an earlier one,
   * dated the first of its month).
   */
  public Optional<PriceFixing> latestOnOrBefore(final LocalDate date) {
    final java.util.Map.Entry<LocalDate, BigDecimal> entry = values.floorEntry(date);
    return entry == null
        ? Optional.empty()
        : Optional.of(new PriceFixing(entry.getKey(), entry.getValue()));
  }

  /** The value of a monthly series for {@code month}, if any. */
  public Optional<BigDecimal> valueFor(final YearMonth month) {
    return valueOn(month.atDay(1));
  }

  /** The fixings dated within {@code first..last}, inclusive, oldest first. */
  public List<PriceFixing> fixingsBetween(final LocalDate first, final LocalDate last) {
    return values.subMap(first, true, last, true).entrySet().stream()
        .map(e -> new PriceFixing(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * The average of this series' official prices over {@code window}, as known on {@code
   * valuationDate}; see {@link QpAverage} for the rules.
   */
  public QpAverage averageOver(final QpWindow window, final LocalDate valuationDate) {
    return QpAverage.of(this, window, valuationDate);
  }

  /**
   * The average over {@code period} for a cargo with {@code dates}, as of {@code valuationDate}.
   */
  public QpAverage averageOver(
      final QuotationalPeriod period, final QpReferenceDates dates, final LocalDate valuationDate) {
    return averageOver(period.window(dates), valuationDate);
  }

  /** A copy of this series with {@code fixings} added; dates must not already be present. */
  PriceSeries withFixings(final Collection<PriceFixing> fixings) {
    final NavigableMap<LocalDate, BigDecimal> merged = new TreeMap<>(values);
    for (final PriceFixing fixing : fixings) {
      if (frequency == SeriesFrequency.MONTHLY && fixing.date().getDayOfMonth() != 1) {
        throw new IllegalArgumentException(
            "a monthly value must be dated the first of its month: " + fixing);
      }
      if (frequency == SeriesFrequency.ANNUAL && fixing.date().getDayOfYear() != 1) {
        throw new IllegalArgumentException(
            "an annual value must be dated 1 January of its year: " + fixing);
      }
      if (merged.putIfAbsent(fixing.date(), fixing.value()) != null) {
        throw new IllegalArgumentException(id + " already has a value for " + fixing.date());
      }
    }
    return new PriceSeries(id, frequency, provenance, merged);
  }

  @Override
  public String toString() {
    return "PriceSeries[" + id + ", " + frequency + ", " + values.size() + " fixings]";
  }
}
