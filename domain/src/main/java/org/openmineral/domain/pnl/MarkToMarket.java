package org.openmineral.domain.pnl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.openmineral.domain.fx.FxRate;
import org.openmineral.domain.hedging.Direction;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Rounding;

/**
 * Prices a position taken at one price against another price: the P&L of a physical deal or a
 * futures hedge, realised when the exit price is the settled one, unrealised when it is a mark.
 *
 * <p>{@code P&L = sign x quantity x (exit - entry)}, sign +1 for a purchase, -1 for a sale: a
 * purchase gains when the price rises, a sale when it falls. This is the convention of the
 * positions report and of VaR, where a purchase is long metal and is hedged by selling futures, so
 * a fully hedged deal's physical and hedge lines offset. Quantities are taken at 4 places and money
 * is rounded once, to cents, half up ({@link Rounding}); each line carries the inputs as used.
 */
public final class MarkToMarket {
  static final int TONNES_SCALE = 4;

  private MarkToMarket() {}

  /** A line of P&L of {@code quantityTonnes} taken at {@code entry} against {@code exit}. */
  public static PnlLine line(
      final PnlLine.Source source,
      final PnlLine.State state,
      final String reference,
      final Direction direction,
      final BigDecimal quantityTonnes,
      final BigDecimal entry,
      final BigDecimal exit,
      final LocalDate exitDate,
      final String exitSource) {
    return line(
        source,
        state,
        reference,
        direction,
        quantityTonnes,
        entry,
        null,
        exit,
        exitDate,
        exitSource);
  }

  /**
   * A line of P&L of a position entered at {@code entry} per tonne in another currency, converted
   * into USD at {@code entryFx} ({@code entry USD/t = round4(entry x rate)}, {@link
   * Rounding#rate}), against the USD {@code exit}. With a null {@code entryFx}, {@code entry} is in
   * USD.
   *
   * @throws PnlInputException if {@code entryFx} does not convert into USD
   */
  public static PnlLine line(
      final PnlLine.Source source,
      final PnlLine.State state,
      final String reference,
      final Direction direction,
      final BigDecimal quantityTonnes,
      final BigDecimal entry,
      final FxRate entryFx,
      final BigDecimal exit,
      final LocalDate exitDate,
      final String exitSource) {
    if (quantityTonnes == null || quantityTonnes.signum() < 0) {
      throw new PnlInputException("quantity must be zero or positive, was " + quantityTonnes);
    }
    if (entry == null || entry.signum() < 0) {
      throw new PnlInputException("entry price must be zero or positive, was " + entry);
    }
    if (exit == null || exit.signum() < 0) {
      throw new PnlInputException("exit price must be zero or positive, was " + exit);
    }
    if (entryFx != null && !Money.USD.equals(entryFx.to())) {
      throw new PnlInputException(
          "an entry price must be converted into USD, not " + entryFx.to().getCurrencyCode());
    }
    final BigDecimal entryUsd = entryFx == null ? entry : Rounding.rate(entryFx.convert(entry));
    final BigDecimal tonnes = Rounding.quantity(quantityTonnes, TONNES_SCALE);
    final BigDecimal move = exit.subtract(entryUsd, Rounding.CALCULATION);
    final BigDecimal amount =
        Rounding.money(
            tonnes
                .multiply(move, Rounding.CALCULATION)
                .multiply(BigDecimal.valueOf(direction.sign())),
            2);
    final String explanation =
        String.format(
            Locale.ROOT,
            "%s %s: %s%s t x (%s - %s) USD/t = %s USD (%s %s on %s)%s",
            state.name().toLowerCase(Locale.ROOT),
            direction == Direction.PURCHASE ? "long" : "short",
            direction == Direction.PURCHASE ? "+" : "-",
            tonnes.toPlainString(),
            exit.toPlainString(),
            entryUsd.toPlainString(),
            amount.toPlainString(),
            state == PnlLine.State.REALISED ? "settled at" : "marked at",
            exitSource,
            exitDate,
            entryFx == null
                ? ""
                : "; entry "
                    + entry.toPlainString()
                    + " "
                    + entryFx.from().getCurrencyCode()
                    + "/t x "
                    + entryFx.describe());
    return new PnlLine(
        source,
        state,
        reference,
        direction,
        tonnes,
        entryUsd,
        exit,
        exitDate,
        exitSource,
        amount,
        explanation,
        entryFx == null
            ? null
            : new PnlLine.EntryConversion(
                entryFx.from().getCurrencyCode(),
                entry,
                entryFx.rate(),
                entryFx.date(),
                entryFx.series().toString(),
                entryFx.inverted()));
  }
}
