package org.openmineral.domain.screening;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UpperChars;

class ScreeningProperties {
  private final NameNormaliser normaliser = new NameNormaliser();

  @Property
  void normalisingIsIdempotent(
      @ForAll @StringLength(max = 40) @AlphaChars @Chars({' ', ',', '.', '-', '\'', 'é', 'ß'})
          final String name) {
    // given
    final NormalisedName once = normaliser.normalise(name);

    // when
    final NormalisedName twice = normaliser.normalise(once.text());

    // then
    assertThat(twice.tokens()).isEqualTo(once.tokens());
  }

  @Property
  void tokenSimilarityIsBoundedAndSymmetric(
      @ForAll @StringLength(min = 1, max = 12) @UpperChars final String a,
      @ForAll @StringLength(min = 1, max = 12) @UpperChars final String b) {
    // given / when
    final double ab = TokenSimilarity.of(a, b);
    final double ba = TokenSimilarity.of(b, a);

    // then
    assertThat(ab).isBetween(0.0, 1.0).isEqualTo(ba);
    assertThat(TokenSimilarity.of(a, a)).isEqualTo(1.0);
  }

  @Property(tries = 200)
  void matchScoresAreBetweenZeroAndOneAndBestFirst(
      @ForAll @StringLength(min = 1, max = 30) @AlphaChars @Chars({' '}) final String name) {
    // given
    final SanctionsScreener screener = ReferenceWatchList.screener();

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.matches())
        .allSatisfy(m -> assertThat(m.score().doubleValue()).isBetween(0.0, 1.0));
    assertThat(result.matches()).isSortedAccordingTo((x, y) -> y.score().compareTo(x.score()));
  }
}
