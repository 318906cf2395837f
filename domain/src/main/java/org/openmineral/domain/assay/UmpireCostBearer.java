package org.openmineral.domain.assay;

/** Who pays the umpire laboratory for an element. */
public enum UmpireCostBearer {
  SELLER,
  BUYER,
  /** Both parties' results are equally far from the umpire's: half each. */
  SHARED_EQUALLY
}
