package org.openmineral.domain.assay;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openmineral.domain.units.Element;

/** The settlement of every element of a lot, in the order of the contract's splitting limits. */
public record AssayExchangeResult(UmpireRule rule, List<ElementSettlement> elements) {
  public AssayExchangeResult {
    Objects.requireNonNull(rule, "rule");
    elements = List.copyOf(elements);
  }

  /** The settlement of {@code element}. */
  public ElementSettlement settlement(final Element element) {
    return elements.stream()
        .filter(e -> e.element() == element)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidAssayException(
                    element.symbol() + " is not settled under this exchange"));
  }

  /**
   * The settled assay of {@code element}.
   *
   * @throws InvalidAssayException while the element awaits the umpire
   */
  public BigDecimal settlementAssay(final Element element) {
    final ElementSettlement s = settlement(element);
    return s.settlementAssay()
        .orElseThrow(() -> new InvalidAssayException(element.symbol() + ": " + s.reason()));
  }

  /** True when every element is settled. */
  public boolean isFinal() {
    return elements.stream().allMatch(ElementSettlement::isSettled);
  }

  /** The elements whose samples must go to (or are at) the umpire. */
  public List<Element> awaitingUmpire() {
    return elements.stream()
        .filter(e -> e.decision() == ElementSettlement.Decision.AWAITING_UMPIRE)
        .map(ElementSettlement::element)
        .toList();
  }
}
