package org.openmineral.domain.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfacWatchListLoaderTest {
  private final WatchList list = ReferenceWatchList.list();

  @Test
  void newestSdnNamesAndTheConsolidatedListAreLoaded() {
    // given the three snapshots under reference-data/sanctions

    // when
    final long sdn = list.entries().stream().filter(e -> e.list().equals("OFAC-SDN")).count();
    final long cons = list.entries().stream().filter(e -> e.list().equals("OFAC-CONS")).count();

    // then: every record of the 2024 sdn.csv and of cons_prim.csv
    assertThat(sdn).isEqualTo(15_443);
    assertThat(cons).isEqualTo(442);
  }

  @Test
  void individualCarriesBirthYearAndNationalityFromRemarks() {
    // given SDN-24231: "DOB 17 Sep 1962; POB Moscow, Russia; nationality Russia; ..."

    // when
    final WatchListEntry entry = list.entry("SDN-24231").orElseThrow();

    // then
    assertThat(entry.type()).isEqualTo(EntryType.INDIVIDUAL);
    assertThat(entry.primaryName()).isEqualTo("KOSACHEV, Konstantin Iosifovich");
    assertThat(entry.birthYears()).containsExactly(1962);
    assertThat(entry.countries()).contains("Russia");
    assertThat(entry.programs()).containsExactly("UKRAINE-EO13661", "RUSSIA-EO14024");
  }

  @Test
  void entityTakesAliasesAndAddressCountriesFromTheOlderSnapshot() {
    // given SDN-306 BANCO NACIONAL DE CUBA: a.k.a. 'BNC' in the 2024 remarks, an alt.csv alias
    // and four addresses in the 2021 files

    // when
    final WatchListEntry entry = list.entry("SDN-306").orElseThrow();

    // then
    assertThat(entry.type()).isEqualTo(EntryType.ENTITY);
    assertThat(entry.aliases()).contains("BNC", "NATIONAL BANK OF CUBA");
    assertThat(entry.countries()).contains("Switzerland", "Spain", "Panama", "Japan");
    assertThat(entry.birthYears()).isEmpty();
  }

  @Test
  void vesselHasItsFlagAsCountryAndFormerNamesAsAliases() {
    // given SDN-4243 EBANO, flag Panama, f.k.a. 'ANA I' and 'SAND SWAN'

    // when
    final WatchListEntry entry = list.entry("SDN-4243").orElseThrow();

    // then
    assertThat(entry.type()).isEqualTo(EntryType.VESSEL);
    assertThat(entry.countries()).contains("Panama");
    assertThat(entry.aliases()).contains("ANA I", "SAND SWAN");
  }

  @Test
  void nullMarkerAndEndOfFileByteAreNotData() {
    // given the last record of the 2024 sdn.csv, followed by 0x1A

    // when
    final WatchListEntry last =
        list.entries().stream()
            .filter(e -> e.list().equals("OFAC-SDN"))
            .reduce((a, b) -> b)
            .orElseThrow();

    // then
    assertThat(last.primaryName()).doesNotContain("\u001a").doesNotContain("-0-");
    assertThat(list.entries()).noneMatch(e -> e.primaryName().contains("-0-"));
  }
}
