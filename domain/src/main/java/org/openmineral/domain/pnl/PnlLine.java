package org.openmineral.domain.pnl;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmineral.domain.hedging.Direction;

/**
 * One figure of a deal's profit and loss with the inputs it was computed from, so that it can be
 * recomputed by hand: {@code amount = sign x quantity x (exitPrice - entryPrice)}, sign +1 for a
 * purchase (long), -1 for a sale (short), rounded once to cents, half up.
 *
 * @param source the physical deal or one of its hedges
 * @param state realised (settled: final invoice, hedge lots closed out) or unrealised (marked)
 * @param reference the deal id (physical) or the hedge id
 * @param direction purchase (deal BUY, hedge BUY) or sale
 * @param quantityTonnes metal tonnes the line is computed on, 4 places
 * @param entryPrice USD per tonne at which the position was taken (deal price, hedge fill)
 * @param exitPrice USD per tonne at which it settled (final price, close-out price) or is marked
 * @param exitPriceDate the date of the exit price (invoice date, price date of the series)
 * @param exitPriceSource where the exit price comes from (invoice id, price series code)
 * @param amountUsd the line's P&L in USD, 2 places
 * @param explanation the formula with the figures, in words
 * @param entryConversion how an entry price in another currency (a hedge filled in EUR) was
 *     converted into the USD {@code entryPrice}; null when the entry was in USD
 */
public record PnlLine(
    Source source,
    State state,
    String reference,
    Direction direction,
    BigDecimal quantityTonnes,
    BigDecimal entryPrice,
    BigDecimal exitPrice,
    LocalDate exitPriceDate,
    String exitPriceSource,
    BigDecimal amountUsd,
    String explanation,
    EntryConversion entryConversion) {

  /**
   * An entry price converted into USD: {@code entryPrice = round4(price x fxRate)}.
   *
   * @param currency the currency the position was entered in
   * @param price the entry price per tonne in that currency
   * @param fxRate USD per one unit of {@code currency}, as used
   * @param fxRateDate the date of the rate (the latest on or before the entry date)
   * @param fxSeries the FX series the rate comes from
   * @param inverted true when the series quotes the pair the other way and the rate is its inverse
   */
  public record EntryConversion(
      String currency,
      BigDecimal price,
      BigDecimal fxRate,
      LocalDate fxRateDate,
      String fxSeries,
      boolean inverted) {}

  /** What the line is about. */
  public enum Source {
    PHYSICAL,
    HEDGE
  }

  /** Whether the figure is settled or a mark. */
  public enum State {
    REALISED,
    UNREALISED
  }
}
