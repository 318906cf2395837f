package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The amendable terms of a deal, validated: the quantity, the provisional assays and prices, the
 * pricing basis and QP, the contract terms (payables, charges, penalties, splitting limits, umpire
 * rule, in the shape the settlement process reads), the provisional invoice share and the value the
 * credit and approval are based on. JSON parts are kept as the client wrote them after validation.
 *
 * @param quantity in {@code quantityUnit}: WMT (wet metric tonnes) or DMT (dry)
 * @param moisturePct moisture, % of the wet weight
 * @param assays element symbol to {@code {value, unit}}
 * @param pricing {@code {basis: QP, qpStart, qpEnd, provisionalPrice}} or {@code {basis: FIXED,
 *     fixedOn, provisionalPrice}}
 * @param terms {@code {payables, treatmentCharge, refiningCharges, penalties, splittingLimits,
 *     umpireRule}}
 * @param provisionalPct share of the provisional value invoiced provisionally
 * @param valueAmount the deal's value, reserved against the counterparty's credit limit
 * @param logisticsDeadline ISO duration from execution start to the logistics escalation
 */
public record DealTerms(
    BigDecimal quantity,
    String quantityUnit,
    BigDecimal moisturePct,
    JsonNode assays,
    JsonNode pricing,
    JsonNode terms,
    BigDecimal provisionalPct,
    BigDecimal valueAmount,
    String valueCurrency,
    String logisticsDeadline) {}
