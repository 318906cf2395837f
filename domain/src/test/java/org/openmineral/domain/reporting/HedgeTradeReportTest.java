package org.openmineral.domain.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HedgeTradeReportTest {
  // published LEIs: GLEIF itself and Deutsche Bank AG
  static final String REPORTER = "506700GE1G29325QX363";
  static final String BROKER = "7LTWFZYICNSX8D621K86";
  static final Instant BOOKED = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant FILLED = Instant.parse("2026-03-02T09:00:03.250Z");

  @Test
  void leiCheckDigitsFollowIso17442() {
    assertThat(Lei.isValid(REPORTER)).isTrue();
    assertThat(Lei.isValid("5493001KJTIIGC8Y1R12")).isTrue();
    assertThat(Lei.isValid("5493001kjtiigc8y1r12")).as("case does not matter").isTrue();
    assertThat(Lei.problem("5493001KJTIIGC8Y1R13")).hasValueSatisfying(p -> p.contains("check"));
    assertThat(Lei.problem("5493001KJTIIGC8Y1R1")).hasValueSatisfying(p -> p.contains("18"));
    assertThat(Lei.problem(" ")).contains("missing");
  }

  @Test
  void aHedgeWithItsExecutionIsACompleteCommodityFutureReport() {
    final HedgeTradeReport.Result result =
        HedgeTradeReport.of(
            REPORTER,
            List.of(
                hedge(
                    "a3b2c1d0-0000-4000-8000-000000000001",
                    "Cu",
                    "LME",
                    "SELL",
                    new HedgeTradeReport.Execution(
                        new BigDecimal("9012.50"), "USD", FILLED, BROKER))));

    assertThat(result.valid()).isTrue();
    final HedgeTradeReport.Row row = result.rows().getFirst();
    assertThat(row.uti()).isEqualTo(REPORTER + "A3B2C1D0000040008000000000000001");
    assertThat(row.uti()).hasSize(52);
    assertThat(row.direction()).isEqualTo("SLLR");
    assertThat(row.venueOfExecution()).isEqualTo("XLME");
    assertThat(row.subProduct()).isEqualTo("NPRM");
    assertThat(row.quantity()).isEqualTo(4);
    // 4 lots of 25 t at 9,012.50 USD/t
    assertThat(row.notionalQuantity()).isEqualByComparingTo("100");
    assertThat(row.notionalAmount()).isEqualByComparingTo("901250.00");
    assertThat(row.quantityUnit()).isEqualTo("TONS");
    assertThat(row.counterparty2()).isEqualTo(BROKER);
    assertThat(row.executionTimestamp()).isEqualTo(FILLED);
  }

  @Test
  void missingMandatoryFieldsAreIssuesNamingTheFieldNotRows() {
    final HedgeTradeReport.Result result =
        HedgeTradeReport.of(
            "NOT-A-LEI",
            List.of(
                hedge("h1", "Zn", "LME", "BUY", null),
                hedge(
                    "h2",
                    "Au",
                    "NYMEX",
                    "BUY",
                    new HedgeTradeReport.Execution(
                        BigDecimal.ZERO, "usd", FILLED, "5493001KJTIIGC8Y1R13"))));

    assertThat(result.valid()).isFalse();
    assertThat(result.rows()).isEmpty();
    assertThat(result.issues())
        .extracting(HedgeTradeReport.Issue::hedgeId, HedgeTradeReport.Issue::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("h1", "counterparty1"),
            org.assertj.core.groups.Tuple.tuple("h1", "price"),
            org.assertj.core.groups.Tuple.tuple("h1", "priceCurrency"),
            org.assertj.core.groups.Tuple.tuple("h1", "executionTimestamp"),
            org.assertj.core.groups.Tuple.tuple("h1", "counterparty2"),
            org.assertj.core.groups.Tuple.tuple("h2", "counterparty1"),
            org.assertj.core.groups.Tuple.tuple("h2", "venueOfExecution"),
            org.assertj.core.groups.Tuple.tuple("h2", "price"),
            org.assertj.core.groups.Tuple.tuple("h2", "priceCurrency"),
            org.assertj.core.groups.Tuple.tuple("h2", "counterparty2"));
  }

  @Test
  void preciousMetalsAreReportedInTroyOunces() {
    final HedgeTradeReport.Result result =
        HedgeTradeReport.of(
            REPORTER,
            List.of(
                hedge(
                    "h3",
                    "Au",
                    "COMEX",
                    "BUY",
                    new HedgeTradeReport.Execution(
                        new BigDecimal("2650.10"), "USD", FILLED, BROKER))));
    final HedgeTradeReport.Row row = result.rows().getFirst();
    assertThat(row.subProduct()).isEqualTo("PRME");
    assertThat(row.quantityUnit()).isEqualTo("TOZT");
    assertThat(row.venueOfExecution()).isEqualTo("XCEC");
    assertThat(row.direction()).isEqualTo("BYER");
  }

  private static HedgeTradeReport.Hedge hedge(
      final String id,
      final String metal,
      final String exchange,
      final String direction,
      final HedgeTradeReport.Execution execution) {
    return new HedgeTradeReport.Hedge(
        id,
        "deal-1",
        metal,
        exchange,
        metal + " 3M",
        4,
        new BigDecimal("25"),
        direction,
        BOOKED,
        execution);
  }
}
