package org.openmineral.domain.screening;

import java.util.List;
import java.util.Set;

/**
 * A name reduced to what identifies it: upper-case ASCII tokens in their written order, without
 * punctuation, particles or legal forms; the legal forms it carried are kept aside.
 *
 * @param tokens the identifying tokens, e.g. {@code [KOSACHEV, KONSTANTIN, IOSIFOVICH]}
 * @param legalForms legal forms found in the name, e.g. {@code [LIMITED_LIABILITY]}
 */
public record NormalisedName(List<String> tokens, Set<LegalForm> legalForms) {

  public NormalisedName {
    tokens = List.copyOf(tokens);
    legalForms = Set.copyOf(legalForms);
  }

  /** The tokens joined by single spaces, in written order. */
  public String text() {
    return String.join(" ", tokens);
  }

  /** The tokens sorted and joined: equal for names that differ only in token order. */
  public String orderFreeKey() {
    return String.join(" ", tokens.stream().sorted().toList());
  }

  /** True if nothing identifying is left. */
  public boolean isEmpty() {
    return tokens.isEmpty();
  }
}
