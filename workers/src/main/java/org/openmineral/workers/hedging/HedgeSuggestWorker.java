package org.openmineral.workers.hedging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.openmineral.domain.hedging.ContractSpecifications;
import org.openmineral.domain.hedging.ExchangeContract;
import org.openmineral.domain.hedging.HedgeSuggestion;
import org.openmineral.domain.hedging.QuantityUnit;
import org.openmineral.domain.units.Element;
import org.springframework.stereotype.Component;

/**
 * Job type {@code hedge.suggest}: the {@link HedgeSuggestion} in exchange lots for the exposure the
 * policy says to hedge, with the standard contract table.
 *
 * <p>Reads {@code metal}, {@code unit} (must be the contract's), {@code exposureWhenPriced}
 * (signed) and the policy's {@code hedgePolicy} ({@code HEDGE_ALL} or {@code
 * HEDGE_ABOVE_THRESHOLD}) and {@code hedgeThreshold} (the exposure the desk keeps open under
 * HEDGE_ABOVE_THRESHOLD). Writes {@code hedgeContract}, {@code hedgeExchange}, {@code lotSize},
 * {@code hedgeSide} (BUY, SELL or NONE), {@code suggestedLots} (whole lots, unsigned), {@code
 * exactLots}, {@code hedgeQuantity}, {@code residualExposure} (the leg's exposure left after the
 * hedge, signed) and {@code suggestionExplained}. No side effect.
 */
@Component
public class HedgeSuggestWorker {
  public static final String TYPE = "hedge.suggest";

  private final ContractSpecifications contracts = ContractSpecifications.standard();

  /** The variables the job reads. */
  public record Input(
      String metal,
      String unit,
      BigDecimal exposureWhenPriced,
      String hedgePolicy,
      BigDecimal hedgeThreshold) {}

  /** The variables the job writes. */
  public record Output(
      String hedgeContract,
      String hedgeExchange,
      BigDecimal lotSize,
      String hedgeSide,
      long suggestedLots,
      BigDecimal exactLots,
      BigDecimal hedgeQuantity,
      BigDecimal residualExposure,
      String suggestionExplained) {}

  @JobWorker(
      type = TYPE,
      fetchVariables = {"metal", "unit", "exposureWhenPriced", "hedgePolicy", "hedgeThreshold"})
  public Output suggest(@VariablesAsType final Input input) {
    if (input.exposureWhenPriced() == null) {
      throw HedgeLeg.invalid("variable 'exposureWhenPriced' is missing");
    }
    final ExchangeContract contract;
    try {
      final Element metal = Element.ofSymbol(String.valueOf(input.metal()).trim());
      contract =
          contracts
              .forMetal(metal)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no hedge contract for " + metal.symbol() + " in the table"));
      final QuantityUnit unit = QuantityUnit.valueOf(String.valueOf(input.unit()).trim());
      if (unit != contract.unit()) {
        throw new IllegalArgumentException(
            contract.code() + " is in " + contract.unit() + " but the leg is in " + unit);
      }
    } catch (final IllegalArgumentException e) {
      throw HedgeLeg.invalid(e.getMessage());
    }
    final BigDecimal exposure = input.exposureWhenPriced();
    final BigDecimal toHedge = toHedge(exposure, input.hedgePolicy(), input.hedgeThreshold());
    final HedgeSuggestion suggestion = HedgeSuggestion.toFlatten(toHedge, contract);
    return new Output(
        contract.code(),
        contract.exchange(),
        contract.lotSize(),
        suggestion.side(),
        Math.abs(suggestion.lots()),
        suggestion.exactLots(),
        suggestion.hedgeQuantity(),
        exposure.add(suggestion.hedgeQuantity()),
        suggestion.explain());
  }

  /** HEDGE_ALL: the whole exposure; HEDGE_ABOVE_THRESHOLD: what exceeds the threshold. */
  static BigDecimal toHedge(
      final BigDecimal exposure, final String policy, final BigDecimal threshold) {
    if ("HEDGE_ALL".equals(policy)) {
      return exposure;
    }
    if ("HEDGE_ABOVE_THRESHOLD".equals(policy)) {
      final BigDecimal above =
          exposure.abs().subtract(threshold == null ? BigDecimal.ZERO : threshold);
      return above.signum() <= 0
          ? BigDecimal.ZERO
          : above.multiply(BigDecimal.valueOf(exposure.signum()));
    }
    throw HedgeLeg.invalid(
        "variable 'hedgePolicy' must be HEDGE_ALL or HEDGE_ABOVE_THRESHOLD, got '" + policy + "'");
  }
}
