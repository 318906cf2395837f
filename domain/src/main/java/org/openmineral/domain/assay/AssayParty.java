package org.openmineral.domain.assay;

/** The two parties exchanging assays. */
public enum AssayParty {
  SELLER,
  BUYER
}
