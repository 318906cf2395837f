package org.openmineral.domain.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmineral.domain.units.Element.AG;
import static org.openmineral.domain.units.Element.AS;
import static org.openmineral.domain.units.Element.AU;
import static org.openmineral.domain.units.Element.CU;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Settling final assays between seller and buyer.
 *
 * <p>Sources for the procedure: Datamine MineMarket, "Assay Rules" (assay exchange, splitting
 * limit, umpire laboratory),
 * https://docs.dataminesoftware.com/MineMarket/Latest/F-Sales-and-Marketing/03-Sales-Purchase-Contract-Terms/Assay-Rules.htm;
 * Ophir Refinery, "Assaying" (mean of the results when their difference does not exceed the
 * splitting limits; usual limits 0.05 % Au and 0.20 % Ag for gold-base material),
 * https://ophirrefinery.com/services/assaying; M. Belton (SGS Minerals Services), "Sampling,
 * Assaying, Splitting Limits &amp; Umpires",
 * http://www.materialsmanagement.net/sampling,assaying.htm.
 *
 * <p>The umpire rules (umpire between the parties settles, or the mean of the umpire and the nearer
 * party; outside the range the nearest party settles; the further party pays) are the contract
 * terms OpenMineral supports as stated in the product issue; the copper concentrate limits (Cu 0.20
 * %, Au 0.3 g/dmt) and the assay figures are illustrative, not quoted from a source.
 */
class AssayExchangeTest {

  @Nested
  class WithinTheSplittingLimit {
    // Ophir Refinery's usual limits for gold-base material: 0.05 % Au, 0.20 % Ag (fineness, %)
    private final AssayExchange dore =
        AssayExchange.of(
            UmpireRule.UMPIRE_RESULT_IF_BETWEEN,
            SplittingLimit.percent(AU, "0.05"),
            SplittingLimit.percent(AG, "0.20"));

    @Test
    void theArithmeticMeanOfTheTwoResultsIsFinal() {
      final AssayExchangeResult result =
          dore.exchange(
              List.of(Assay.percent(AU, "99.50"), Assay.percent(AG, "0.30")),
              List.of(Assay.percent(AU, "99.46"), Assay.percent(AG, "0.42")));
      assertThat(result.isFinal()).isTrue();
      final ElementSettlement au = result.settlement(AU);
      assertThat(au.decision()).isEqualTo(ElementSettlement.Decision.SPLIT);
      assertThat(au.difference()).isEqualByComparingTo("0.04");
      assertThat(au.settlementAssay()).contains(new BigDecimal("99.48"));
      assertThat(au.reason())
          .isEqualTo(
              "seller 99.50 %, buyer 99.46 %: difference 0.04 % does not exceed the splitting"
                  + " limit 0.05 %; split at the mean 99.48 %");
      assertThat(result.settlementAssay(AG)).isEqualByComparingTo("0.36");
    }

    @Test
    void aDifferenceEqualToTheLimitIsStillSplitAndTheMeanIsNotRounded() {
      final AssayExchangeResult result =
          dore.exchange(
              List.of(Assay.percent(AU, "99.50"), Assay.percent(AG, "0.30")),
              List.of(Assay.percent(AU, "99.45"), Assay.percent(AG, "0.30")));
      assertThat(result.settlement(AU).decision()).isEqualTo(ElementSettlement.Decision.SPLIT);
      assertThat(result.settlementAssay(AU)).isEqualTo(new BigDecimal("99.475"));
    }
  }

  @Nested
  class OutsideTheSplittingLimit {
    private static final List<Assay> SELLER =
        List.of(Assay.percent(CU, "25.60"), Assay.gramsPerDmt(AU, "8.4"));
    private static final List<Assay> BUYER =
        List.of(Assay.percent(CU, "25.25"), Assay.gramsPerDmt(AU, "7.9"));

    private AssayExchange terms(final UmpireRule rule) {
      return AssayExchange.of(
          rule, SplittingLimit.percent(CU, "0.20"), SplittingLimit.gramsPerDmt(AU, "0.3"));
    }

    @Test
    void theSampleGoesToTheUmpireAndNothingIsSettledYet() {
      final AssayExchangeResult result =
          terms(UmpireRule.UMPIRE_RESULT_IF_BETWEEN).exchange(SELLER, BUYER);
      assertThat(result.isFinal()).isFalse();
      assertThat(result.awaitingUmpire()).containsExactly(CU, AU);
      assertThat(result.settlement(CU).reason())
          .isEqualTo(
              "seller 25.60 %, buyer 25.25 %: difference 0.35 % exceeds the splitting limit 0.20 %;"
                  + " the sample goes to the umpire");
      assertThatThrownBy(() -> result.settlementAssay(CU))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("goes to the umpire");
    }

    @Test
    void anUmpireBetweenThePartiesSettlesAndTheFurtherPartyPays() {
      final AssayExchangeResult result =
          terms(UmpireRule.UMPIRE_RESULT_IF_BETWEEN)
              .settle(
                  SELLER, BUYER, List.of(Assay.percent(CU, "25.40"), Assay.gramsPerDmt(AU, "8.0")));
      final ElementSettlement cu = result.settlement(CU);
      assertThat(cu.decision()).isEqualTo(ElementSettlement.Decision.UMPIRE_RESULT);
      assertThat(cu.settlementAssay()).contains(new BigDecimal("25.40"));
      // seller 0.20 from the umpire, buyer 0.15: the seller pays
      assertThat(cu.umpireCostBearer()).contains(UmpireCostBearer.SELLER);
      assertThat(cu.reason())
          .isEqualTo(
              "seller 25.60 %, buyer 25.25 %: difference 0.35 % exceeds the splitting limit 0.20 %;"
                  + " umpire 25.40 % lies between the parties' results; the umpire's result"
                  + " settles: 25.40 %; the seller's result is further from the umpire (0.20"
                  + " against 0.15): the seller pays the umpire");
      // gold: seller 0.4 g/dmt from the umpire, buyer 0.1
      assertThat(result.settlementAssay(AU)).isEqualByComparingTo("8.0");
      assertThat(result.settlement(AU).umpireCostBearer()).contains(UmpireCostBearer.SELLER);
      assertThat(result.isFinal()).isTrue();
    }

    @Test
    void theContractVariantTakesTheMeanOfTheUmpireAndTheNearerParty() {
      final AssayExchangeResult result =
          terms(UmpireRule.MEAN_OF_UMPIRE_AND_NEARER_PARTY_IF_BETWEEN)
              .settle(
                  SELLER, BUYER, List.of(Assay.percent(CU, "25.40"), Assay.gramsPerDmt(AU, "8.0")));
      final ElementSettlement cu = result.settlement(CU);
      assertThat(cu.decision())
          .isEqualTo(ElementSettlement.Decision.MEAN_OF_UMPIRE_AND_NEARER_PARTY);
      // (25.40 + 25.25) / 2 = 25.325
      assertThat(cu.settlementAssay()).contains(new BigDecimal("25.325"));
      // (8.0 + 7.9) / 2 = 7.95
      assertThat(result.settlementAssay(AU)).isEqualByComparingTo("7.95");
    }

    @Test
    void anUmpireExactlyMidwaySettlesItselfAndTheCostIsShared() {
      final AssayExchangeResult result =
          terms(UmpireRule.MEAN_OF_UMPIRE_AND_NEARER_PARTY_IF_BETWEEN)
              .settle(
                  SELLER,
                  BUYER,
                  List.of(Assay.percent(CU, "25.425"), Assay.gramsPerDmt(AU, "8.0")));
      final ElementSettlement cu = result.settlement(CU);
      assertThat(cu.decision()).isEqualTo(ElementSettlement.Decision.UMPIRE_RESULT);
      assertThat(cu.settlementAssay()).contains(new BigDecimal("25.425"));
      assertThat(cu.umpireCostBearer()).contains(UmpireCostBearer.SHARED_EQUALLY);
      assertThat(cu.reason()).contains("exactly midway");
    }

    @Test
    void anUmpireOutsideThePartiesRangeMakesTheNearestPartysResultFinal() {
      final AssayExchangeResult result =
          terms(UmpireRule.UMPIRE_RESULT_IF_BETWEEN)
              .settle(SELLER, BUYER, List.of(Assay.percent(CU, "25.70")));
      final ElementSettlement cu = result.settlement(CU);
      assertThat(cu.decision()).isEqualTo(ElementSettlement.Decision.NEAREST_PARTY_TO_UMPIRE);
      assertThat(cu.settlementAssay()).contains(new BigDecimal("25.60"));
      assertThat(cu.umpireCostBearer()).contains(UmpireCostBearer.BUYER);
      // gold has no umpire result yet
      assertThat(result.awaitingUmpire()).containsExactly(AU);
    }
  }

  @Nested
  class BadInput {
    private final AssayExchange terms =
        AssayExchange.of(
            UmpireRule.UMPIRE_RESULT_IF_BETWEEN,
            SplittingLimit.percent(CU, "0.20"),
            SplittingLimit.percent(AS, "0.02"));

    @Test
    void everyElementWithALimitMustBeReportedByBothParties() {
      assertThatThrownBy(
              () ->
                  terms.exchange(
                      List.of(Assay.percent(CU, "25.6"), Assay.percent(AS, "0.30")),
                      List.of(Assay.percent(CU, "25.5"))))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("the buyer has not reported As");
    }

    @Test
    void aResultInAnotherUnitThanTheLimitIsRefused() {
      assertThatThrownBy(
              () ->
                  terms.exchange(
                      List.of(Assay.percent(CU, "25.6"), Assay.ppm(AS, "3000")),
                      List.of(Assay.percent(CU, "25.5"), Assay.percent(AS, "0.30"))))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("not in %");
    }

    @Test
    void anElementWithoutAnAgreedLimitIsRefused() {
      assertThatThrownBy(
              () ->
                  terms.exchange(
                      List.of(
                          Assay.percent(CU, "25.6"),
                          Assay.percent(AS, "0.30"),
                          Assay.gramsPerDmt(AU, "8")),
                      List.of(Assay.percent(CU, "25.5"), Assay.percent(AS, "0.30"))))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("no splitting limit for Au");
    }

    @Test
    void anUmpireResultForASplitElementIsRefused() {
      assertThatThrownBy(
              () ->
                  terms.settle(
                      List.of(Assay.percent(CU, "25.6"), Assay.percent(AS, "0.30")),
                      List.of(Assay.percent(CU, "25.5"), Assay.percent(AS, "0.30")),
                      List.of(Assay.percent(CU, "25.55"))))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("no umpire result is needed");
    }

    @Test
    void impossibleAssaysAreRefused() {
      assertThatThrownBy(() -> Assay.percent(CU, "-0.1"))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("cannot be negative");
      assertThatThrownBy(() -> Assay.percent(CU, "100.01"))
          .isInstanceOf(InvalidAssayException.class)
          .hasMessageContaining("cannot exceed 100 %");
    }
  }
}
