package org.openmineral.counterparty;

/** What kind of party a counterparty is; the sanctions lists screen each kind differently. */
public enum CounterpartyType {
  INDIVIDUAL,
  ENTITY,
  VESSEL
}
