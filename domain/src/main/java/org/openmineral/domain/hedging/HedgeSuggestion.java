package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Rounding;

/**
 * How many lots to trade to flatten one metal's flat-price exposure, and what is left.
 *
 * <pre>
 * exactLots = -exposure / lotSize
 * lots      = exactLots rounded to the nearest whole lot, halves away from zero (RoundingMode.HALF_UP)
 * residual  = exposure + lots x lotSize          (|residual| &lt;= lotSize / 2)
 * </pre>
 *
 * Positive {@code lots} is a buy, negative a sell: a long exposure of 681.8 t copper gives
 * exactLots = -27.27, lots = -27 (sell 27 x 25 t) and residual +6.8 t long. A half (12.5 lots)
 * rounds to 13 so that the hedge covers at least the exposure when it is exactly between two lot
 * counts.
 *
 * @param metal the metal
 * @param exposure the flat-price exposure to flatten, signed (long +)
 * @param contract the hedge contract
 * @param exactLots {@code -exposure / lotSize} to {@link Rounding#CALCULATION}
 * @param lots whole lots to trade, signed (buy +, sell -)
 * @param hedgeQuantity {@code lots x lotSize}
 * @param residual exposure left after the hedge
 */
public record HedgeSuggestion(
    Element metal,
    BigDecimal exposure,
    ExchangeContract contract,
    BigDecimal exactLots,
    long lots,
    BigDecimal hedgeQuantity,
    BigDecimal residual) {
  /** The stated rounding rule, as shown to the trader. */
  public static final String ROUNDING_RULE =
      "lots = -exposure / lot size, rounded to the nearest whole lot, halves away from zero";

  public HedgeSuggestion {
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(exposure, "exposure");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(exactLots, "exactLots");
    Objects.requireNonNull(hedgeQuantity, "hedgeQuantity");
    Objects.requireNonNull(residual, "residual");
  }

  /** The suggestion to flatten {@code exposure} of {@code contract}'s metal. */
  public static HedgeSuggestion toFlatten(
      final BigDecimal exposure, final ExchangeContract contract) {
    final BigDecimal exact = exposure.negate().divide(contract.lotSize(), Rounding.CALCULATION);
    final long lots = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
    final BigDecimal hedge = contract.lotSize().multiply(BigDecimal.valueOf(lots));
    return new HedgeSuggestion(
        contract.metal(), exposure, contract, exact, lots, hedge, exposure.add(hedge));
  }

  /**
   * The suggestion to flatten a metal's exposure with the table's contract for that metal.
   *
   * @throws HedgingInputException if the table has no contract for the metal or its unit differs
   */
  public static HedgeSuggestion toFlatten(
      final MetalExposure exposure, final ContractSpecifications contracts) {
    final ExchangeContract contract =
        contracts
            .forMetal(exposure.metal())
            .orElseThrow(
                () ->
                    new HedgingInputException(
                        "no hedge contract for " + exposure.metal().symbol() + " in the table"));
    if (contract.unit() != exposure.unit()) {
      throw new HedgingInputException(
          contract.code()
              + " is in "
              + contract.unit()
              + " but the "
              + exposure.metal().symbol()
              + " exposure is in "
              + exposure.unit());
    }
    return toFlatten(exposure.flatPrice(), contract);
  }

  /** "BUY", "SELL" or "NONE". */
  public String side() {
    return lots > 0 ? "BUY" : lots < 0 ? "SELL" : "NONE";
  }

  /**
   * One line for a trader, e.g. "SELL 27 x LME-CU (25 t) for 681.8182 t long; residual 6.8182 t".
   */
  public String explain() {
    final int scale = contract.unit() == QuantityUnit.TONNE ? 4 : 3;
    return String.format(
        "%s %d x %s (%s %s) for %s %s %s; residual %s %s (%s)",
        side(),
        Math.abs(lots),
        contract.code(),
        contract.lotSize().stripTrailingZeros().toPlainString(),
        contract.unit().symbol(),
        Rounding.quantity(exposure.abs(), scale).toPlainString(),
        contract.unit().symbol(),
        exposure.signum() >= 0 ? "long" : "short",
        Rounding.quantity(residual, scale).toPlainString(),
        contract.unit().symbol(),
        ROUNDING_RULE);
  }
}
