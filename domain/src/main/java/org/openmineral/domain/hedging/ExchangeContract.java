package org.openmineral.domain.hedging;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/**
 * An exchange-traded futures contract used to hedge one metal: one lot is {@code lotSize} of {@code
 * unit}.
 *
 * @param code the house code, e.g. {@code LME-CU}
 * @param exchange e.g. {@code LME}, {@code COMEX}
 * @param metal the underlying metal
 * @param lotSize metal per lot, positive
 * @param unit the unit of {@code lotSize}
 * @param source where the lot size comes from
 */
public record ExchangeContract(
    String code,
    String exchange,
    Element metal,
    BigDecimal lotSize,
    QuantityUnit unit,
    String source) {
  public ExchangeContract {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(metal, "metal");
    Objects.requireNonNull(lotSize, "lotSize");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    if (lotSize.signum() <= 0) {
      throw new HedgingInputException(
          "contract " + code + ": lot size must be positive, got " + lotSize.toPlainString());
    }
  }
}
