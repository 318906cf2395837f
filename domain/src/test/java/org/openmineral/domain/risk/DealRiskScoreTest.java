package org.openmineral.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Element;

class DealRiskScoreTest {
  private static final DealRiskModel MODEL = DealRiskModel.standard();

  static ReturnVolatility copperVolatility(final String annualised) {
    return new ReturnVolatility(
        Element.CU, 790, BigDecimal.ZERO, BigDecimal.ZERO, 12, new BigDecimal(annualised));
  }

  static DeskConcentration concentration() {
    // desk 10m, of which 4m copper and 1m with this counterparty; the deal adds 2m
    return new DeskConcentration(
        Element.CU,
        new BigDecimal("2000000"),
        new BigDecimal("10000000"),
        new BigDecimal("4000000"),
        new BigDecimal("1000000"));
  }

  @Test
  void theScoreIsTheWeightedSumOfTheFactorSubScores() {
    // given 95.00001 % credit use after the deal, a Russian counterparty, copper 50 % of the desk,
    // 25 % copper volatility and a MEDIUM KYC rating
    final DealRiskInput input =
        new DealRiskInput(
            "D-42",
            new BigDecimal("0.9500001"),
            "ru",
            KycRating.MEDIUM,
            concentration(),
            copperVolatility("0.25"));
    // when
    final DealRiskScore score = MODEL.score(input);
    // then 0.30 x 95.00001 + 0.20 x 75 + 0.15 x 50 + 0.15 x 50 + 0.20 x 50
    //    = 28.500003 + 15 + 7.5 + 7.5 + 10 = 68.500003
    assertThat(score.factor(RiskFactorKind.CREDIT).contribution())
        .isEqualByComparingTo("28.500003");
    assertThat(score.factor(RiskFactorKind.COUNTRY).subScore()).isEqualByComparingTo("75");
    assertThat(score.factor(RiskFactorKind.COUNTRY).reason()).startsWith("RU rated HIGH");
    assertThat(score.factor(RiskFactorKind.CONCENTRATION).rawValue()).isEqualByComparingTo("0.5");
    assertThat(score.factor(RiskFactorKind.CONCENTRATION).reason())
        .isEqualTo(
            "Cu share of desk exposure 50.00 %, counterparty share 25.00 %; the higher (metal)"
                + " counts");
    assertThat(score.factor(RiskFactorKind.VOLATILITY).subScore()).isEqualByComparingTo("50");
    assertThat(score.factor(RiskFactorKind.KYC).contribution()).isEqualByComparingTo("10");
    assertThat(score.score()).isEqualByComparingTo("68.500003");
    assertThat(score.rounded()).isEqualByComparingTo("68.50");
    assertThat(score.explain()).startsWith("deal D-42 risk score 68.50 / 100");
  }

  @Test
  void subScoresAreCappedAt100() {
    // given 150 % credit use and 80 % volatility
    final DealRiskScore score =
        MODEL.score(
            new DealRiskInput(
                "D-1",
                new BigDecimal("1.5"),
                "KP",
                KycRating.HIGH,
                concentration(),
                copperVolatility("0.80")));
    assertThat(score.factor(RiskFactorKind.CREDIT).subScore()).isEqualByComparingTo("100");
    assertThat(score.factor(RiskFactorKind.VOLATILITY).subScore()).isEqualByComparingTo("100");
    assertThat(score.factor(RiskFactorKind.COUNTRY).subScore()).isEqualByComparingTo("100");
  }

  @Test
  void anUnlistedCountryGetsTheDefaultRow() {
    final CountryRisk risk = CountryRiskTable.standard().ratingOf("de");
    assertThat(risk.code()).isEqualTo("DE");
    assertThat(risk.rating()).isEqualTo(CountryRating.MEDIUM);
    assertThat(risk.reason()).startsWith("not listed");
  }

  @Test
  void theStandardTableRatesTheIssuesHighRiskJurisdictionsHighOrSevere() {
    for (final String code : new String[] {"IR", "KP", "SY", "CU", "RU", "BY", "VE", "MM"}) {
      assertThat(CountryRiskTable.standard().ratingOf(code).rating())
          .as(code)
          .isIn(CountryRating.HIGH, CountryRating.SEVERE);
    }
  }

  @Test
  void everyListedCountryIsAnIsoAlpha2CodeOfTheReferenceData() throws IOException {
    // given the ISO 3166-1 alpha-2 codes of
    // reference-data/reference/country-codes/country-codes.csv
    final Path file =
        WorldBankMonthlyPrices.file()
            .getParent()
            .getParent()
            .getParent()
            .resolve("reference/country-codes/country-codes.csv");
    final Set<String> iso = new HashSet<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (final CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        iso.add(row.get("ISO3166-1-Alpha-2"));
      }
    }
    // then every code of the standard table is one of them
    assertThat(iso).contains("NA", "DE");
    assertThat(iso).containsAll(CountryRiskTable.standard().listedCodes());
  }

  @Test
  void aCountryCodeThatIsNotAlpha2IsRefused() {
    assertThatThrownBy(() -> CountryRiskTable.standard().ratingOf("RUS"))
        .isInstanceOf(RiskInputException.class)
        .hasMessageContaining("alpha-2");
  }

  @Test
  void weightsThatDoNotSumToOneAreRefused() throws IOException {
    final String csv =
        "factor,weight,full_score_at,note\n"
            + "CREDIT,0.5,1,x\nCOUNTRY,0.2,,x\nCONCENTRATION,0.15,1,x\nVOLATILITY,0.15,0.5,x\n"
            + "KYC,0.2,,x\n";
    assertThatThrownBy(
            () ->
                DealRiskModel.of(
                    DealRiskModel.readScales(new StringReader(csv)), CountryRiskTable.standard()))
        .isInstanceOf(RiskInputException.class)
        .hasMessageContaining("sum to 1.20");
  }

  @Test
  void theStandardWeightsSumToOne() {
    BigDecimal sum = BigDecimal.ZERO;
    for (final RiskFactorKind kind : RiskFactorKind.values()) {
      sum = sum.add(MODEL.scale(kind).weight());
    }
    assertThat(sum).isEqualByComparingTo("1");
  }
}
