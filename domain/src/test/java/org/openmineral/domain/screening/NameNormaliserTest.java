package org.openmineral.domain.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormaliserTest {
  private final NameNormaliser normaliser = new NameNormaliser();

  @Test
  void accentsCaseAndPunctuationAreRemoved() {
    // given
    final String name = "Müller-Lüdenscheidt, José Nu'man";

    // when
    final NormalisedName normalised = normaliser.normalise(name);

    // then
    assertThat(normalised.tokens()).containsExactly("MULLER", "LUDENSCHEIDT", "JOSE", "NUMAN");
  }

  @Test
  void equivalentLegalFormsAreSetAsideAsOneClass() {
    // given the same company with its legal form written three ways
    final NormalisedName ooo = normaliser.normalise("OOO Romashka");
    final NormalisedName llc = normaliser.normalise("Romashka, L.L.C.");
    final NormalisedName spelt = normaliser.normalise("Limited Liability Company ROMASHKA");

    // when / then
    assertThat(ooo).isEqualTo(llc).isEqualTo(spelt);
    assertThat(ooo.tokens()).containsExactly("ROMASHKA");
    assertThat(ooo.legalForms()).containsExactly(LegalForm.LIMITED_LIABILITY);
  }

  @Test
  void tokenOrderDoesNotChangeTheOrderFreeKey() {
    // given
    final NormalisedName surnameFirst = normaliser.normalise("KOSACHEV, Konstantin");
    final NormalisedName givenFirst = normaliser.normalise("Konstantin Kosachev");

    // when / then
    assertThat(surnameFirst.orderFreeKey()).isEqualTo(givenFirst.orderFreeKey());
  }

  @Test
  void romanisationsFoldToTheSameKey() {
    // given / when / then
    assertThat(TransliterationFold.fold("YEVGENIY")).isEqualTo(TransliterationFold.fold("EVGENY"));
    assertThat(TransliterationFold.fold("ALEKSANDR")).isEqualTo("ALEXANDR");
    assertThat(TransliterationFold.fold("MAHMOUD")).isEqualTo(TransliterationFold.fold("MAHMUD"));
  }
}
