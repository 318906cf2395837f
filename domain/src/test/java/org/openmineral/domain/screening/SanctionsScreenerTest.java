package org.openmineral.domain.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Worked examples against real entries of the reference OFAC lists. */
class SanctionsScreenerTest {
  private final SanctionsScreener screener = ReferenceWatchList.screener();

  @Test
  void listedIndividualWithoutPatronymicIsAPotentialMatch() {
    // given KOSACHEV, Konstantin Iosifovich (SDN-24231) written first name first, no patronymic
    final String name = "Konstantin Kosachev";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.decision()).isEqualTo(ScreeningDecision.POTENTIAL_MATCH);
    assertThat(result.matches().getFirst().entryId()).isEqualTo("SDN-24231");
    assertThat(result.matches().getFirst().reason()).contains("listed only: IOSIFOVICH");
  }

  @Test
  void misspelledEntityNameIsAPotentialMatch() {
    // given BANCO NACIONAL DE CUBA (SDN-306) with a letter dropped and an accent added
    final String name = "Banco Nacinal de Cúba";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.decision()).isEqualTo(ScreeningDecision.POTENTIAL_MATCH);
    assertThat(result.matches().getFirst().entryId()).isEqualTo("SDN-306");
    assertThat(result.matches().getFirst().reason()).contains("NACINAL~NACIONAL");
  }

  @Test
  void aliasFromTheOlderSnapshotIsFound() {
    // given NATIONAL BANK OF CUBA, an a.k.a. of SDN-306
    final String name = "National Bank of Cuba";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.matches().getFirst().entryId()).isEqualTo("SDN-306");
    assertThat(result.matches().getFirst().matchedName()).isEqualTo("NATIONAL BANK OF CUBA");
  }

  @Test
  void russianLegalFormWrittenInEnglishIsTheSameCompany() {
    // given LIMITED LIABILITY COMPANY ALABUGA-FIBRE (SDN-40867) as OOO, name first
    final String name = "Alabuga Fibre OOO";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.matches().getFirst().entryId()).isEqualTo("SDN-40867");
    assertThat(result.matches().getFirst().score()).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void transliteratedGivenNameIsAPotentialMatch() {
    // given PRIGOZHIN, Yevgeniy Viktorovich (SDN) spelt Evgeny
    final String name = "Evgeny Prigozhin";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.decision()).isEqualTo(ScreeningDecision.POTENTIAL_MATCH);
    assertThat(result.matches().getFirst().name()).isEqualTo("PRIGOZHIN, Yevgeniy Viktorovich");
  }

  @Test
  void vesselIsScreenedByName() {
    // given the vessel EBANO, f.k.a. SAND SWAN (SDN-4243), by its former name
    final ScreeningRequest request =
        new ScreeningRequest("Sand Swan", EntryType.VESSEL, null, null);

    // when
    final ScreeningResult result = screener.screen(request);

    // then
    assertThat(result.matches()).extracting(ScreeningMatch::entryId).contains("SDN-4243");
    assertThat(result.matches()).allMatch(m -> m.type() == EntryType.VESSEL);
  }

  @Test
  void consolidatedListEntriesHaveTheirOwnIds() {
    // given a name only on the consolidated non-SDN list
    final WatchListEntry entry =
        ReferenceWatchList.list().entries().stream()
            .filter(e -> e.list().equals(OfacWatchListLoader.CONSOLIDATED))
            .findFirst()
            .orElseThrow();

    // when
    final ScreeningResult result = screener.screen(entry.primaryName());

    // then
    assertThat(entry.id()).startsWith("CONS-");
    assertThat(result.matches()).extracting(ScreeningMatch::entryId).contains(entry.id());
  }

  @Test
  void unlistedTraderIsClear() {
    // given a metals trading counterparty that is on no list
    final String name = "Nordic Copper Cathode Trading AB";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.decision()).isEqualTo(ScreeningDecision.CLEAR);
    assertThat(result.matches()).isEmpty();
  }

  @Test
  void agreeingBirthYearAndCountryRaiseTheScore() {
    // given KOSACHEV (born 1962, nationality Russia)
    final ScreeningRequest bare = ScreeningRequest.of("Konstantin Kosachev");
    final ScreeningRequest agreeing =
        new ScreeningRequest("Konstantin Kosachev", null, "Russia", 1962);

    // when
    final BigDecimal without = screener.screen(bare).matches().getFirst().score();
    final ScreeningMatch with = screener.screen(agreeing).matches().getFirst();

    // then
    assertThat(with.score()).isGreaterThan(without);
    assertThat(with.reason()).contains("birth year 1962 agrees", "country Russia listed");
  }

  @Test
  void differentBirthYearLowersTheScoreBelowTheThreshold() {
    // given the same name, born 1990
    final ScreeningRequest request = new ScreeningRequest("Konstantin Kosachev", null, null, 1990);

    // when
    final ScreeningResult result = screener.screen(request);

    // then
    assertThat(result.matches()).extracting(ScreeningMatch::entryId).doesNotContain("SDN-24231");
  }

  @Test
  void emptyNameIsClear() {
    // given a name with nothing to match on
    final String name = " - , . ";

    // when
    final ScreeningResult result = screener.screen(name);

    // then
    assertThat(result.decision()).isEqualTo(ScreeningDecision.CLEAR);
  }
}
