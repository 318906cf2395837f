package org.openmineral.domain.pnl;

import java.math.BigDecimal;
import java.util.List;

/**
 * A deal's P&L: its lines (the physical deal and its hedges, realised and unrealised) and their
 * sums. The sums add the lines' rounded amounts, so a total equals the lines it shows.
 */
public record DealPnl(
    String dealId,
    List<PnlLine> lines,
    BigDecimal realisedPhysical,
    BigDecimal realisedHedges,
    BigDecimal unrealisedPhysical,
    BigDecimal unrealisedHedges,
    BigDecimal realised,
    BigDecimal unrealised,
    BigDecimal total) {

  /** The sums of {@code lines}. */
  public static DealPnl of(final String dealId, final List<PnlLine> lines) {
    final BigDecimal realisedPhysical = sum(lines, PnlLine.Source.PHYSICAL, PnlLine.State.REALISED);
    final BigDecimal realisedHedges = sum(lines, PnlLine.Source.HEDGE, PnlLine.State.REALISED);
    final BigDecimal unrealisedPhysical =
        sum(lines, PnlLine.Source.PHYSICAL, PnlLine.State.UNREALISED);
    final BigDecimal unrealisedHedges = sum(lines, PnlLine.Source.HEDGE, PnlLine.State.UNREALISED);
    final BigDecimal realised = realisedPhysical.add(realisedHedges);
    final BigDecimal unrealised = unrealisedPhysical.add(unrealisedHedges);
    return new DealPnl(
        dealId,
        List.copyOf(lines),
        realisedPhysical,
        realisedHedges,
        unrealisedPhysical,
        unrealisedHedges,
        realised,
        unrealised,
        realised.add(unrealised));
  }

  private static BigDecimal sum(
      final List<PnlLine> lines, final PnlLine.Source source, final PnlLine.State state) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (final PnlLine line : lines) {
      if (line.source() == source && line.state() == state) {
        sum = sum.add(line.amountUsd());
      }
    }
    return sum;
  }
}
