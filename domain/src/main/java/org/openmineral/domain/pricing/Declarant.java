package org.openmineral.domain.pricing;

/** The party that holds the option to declare the quotational period. */
public enum Declarant {
  BUYER,
  SELLER
}
