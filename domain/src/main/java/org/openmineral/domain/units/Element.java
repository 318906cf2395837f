package org.openmineral.domain.units;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an assay reports: payable metals, precious metals and the deleterious elements and compounds
 * that attract penalties. {@link #symbol()} is the spelling used in contracts and in the API
 * ({@code "Cu"}, {@code "Pb+Zn"}).
 */
public enum Element {
  CU("Cu", Kind.BASE),
  ZN("Zn", Kind.BASE),
  PB("Pb", Kind.BASE),
  NI("Ni", Kind.BASE),
  CO("Co", Kind.BASE),
  SN("Sn", Kind.BASE),
  AL("Al", Kind.BASE),
  MO("Mo", Kind.BASE),
  AU("Au", Kind.PRECIOUS),
  AG("Ag", Kind.PRECIOUS),
  PT("Pt", Kind.PRECIOUS),
  PD("Pd", Kind.PRECIOUS),
  AS("As", Kind.DELETERIOUS),
  SB("Sb", Kind.DELETERIOUS),
  BI("Bi", Kind.DELETERIOUS),
  HG("Hg", Kind.DELETERIOUS),
  CD("Cd", Kind.DELETERIOUS),
  SE("Se", Kind.DELETERIOUS),
  CL("Cl", Kind.DELETERIOUS),
  F("F", Kind.DELETERIOUS),
  FE("Fe", Kind.DELETERIOUS),
  MN("Mn", Kind.DELETERIOUS),
  SIO2("SiO2", Kind.DELETERIOUS),
  AL2O3("Al2O3", Kind.DELETERIOUS),
  MGO("MgO", Kind.DELETERIOUS),
  PB_ZN("Pb+Zn", Kind.DELETERIOUS);

  /** How an element usually enters a contract. */
  public enum Kind {
    BASE,
    PRECIOUS,
    DELETERIOUS
  }

  private static final Map<String, Element> BY_SYMBOL =
      Arrays.stream(values())
          .collect(Collectors.toMap(e -> e.symbol.toLowerCase(Locale.ROOT), Function.identity()));

  private final String symbol;
  private final Kind kind;

  Element(final String symbol, final Kind kind) {
    this.symbol = symbol;
    this.kind = kind;
  }

  public String symbol() {
    return symbol;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The element with this symbol, case-insensitive ({@code "cu"}, {@code "Cu"}).
   *
   * @throws IllegalArgumentException naming the symbol if it is not known
   */
  public static Element ofSymbol(final String symbol) {
    final Element element =
        symbol == null ? null : BY_SYMBOL.get(symbol.trim().toLowerCase(Locale.ROOT));
    if (element == null) {
      throw new IllegalArgumentException(
          "unknown element '" + symbol + "'; known: " + BY_SYMBOL.keySet());
    }
    return element;
  }
}
