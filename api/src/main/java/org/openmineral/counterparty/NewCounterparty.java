package org.openmineral.counterparty;

import java.math.BigDecimal;
import java.util.List;

/** A validated counterparty to create (see {@link CounterpartyController} for the checks). */
record NewCounterparty(
    String name,
    CounterpartyType type,
    String country,
    List<String> ultimateBeneficialOwners,
    boolean ownershipDisclosed,
    BigDecimal creditLimitAmount,
    String creditLimitCurrency) {}
