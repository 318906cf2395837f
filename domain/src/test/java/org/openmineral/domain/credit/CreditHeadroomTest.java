package org.openmineral.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.units.Money;

class CreditHeadroomTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final CreditLimit LIMIT =
      CreditLimit.of("CP-1", Money.usd("5000000"), LocalDate.of(2026, 12, 31));

  private static CreditUtilisation utilisation(final boolean countPending) {
    return CreditUtilisation.of(
        Money.USD,
        List.of(
            new OpenInvoice("INV-1", Money.usd("1200000.00")),
            new OpenInvoice("INV-2", Money.usd("300000.50"))),
        List.of(
            new OpenDeal("D-1", Money.usd("250000")), new OpenDeal("D-2", Money.usd("-400000"))),
        List.of(new PendingDeal("D-3", Money.usd("1000000"))),
        countPending);
  }

  @Test
  void utilisationIsInvoicesPlusPositiveMarkToMarketPlusPendingIfCounted() {
    // given two open invoices, an open deal 250k in our favour, one 400k against us, a pending deal
    // when pending deals are counted
    final CreditUtilisation used = utilisation(true);
    // then 1,500,000.50 invoiced + 250,000 unrealised (the -400,000 counts zero) + 1,000,000
    // pending
    assertThat(used.openInvoices()).isEqualTo(Money.usd("1500000.50"));
    assertThat(used.unrealisedExposure().amount()).isEqualByComparingTo("250000");
    assertThat(used.pendingDeals().amount()).isEqualByComparingTo("1000000");
    assertThat(used.total().amount()).isEqualByComparingTo("2750000.50");
    assertThat(used.lines()).hasSize(5);
    assertThat(used.lines().get(3).counted().amount()).isEqualByComparingTo("0");
    assertThat(used.lines().get(3).rule()).contains("no netting");
  }

  @Test
  void pendingDealsAreListedButNotCountedUnlessAsked() {
    final CreditUtilisation used = utilisation(false);
    assertThat(used.total().amount()).isEqualByComparingTo("1750000.50");
    assertThat(used.lines().getLast().rule()).isEqualTo("pending deals not counted");
  }

  @Test
  void headroomIsLimitMinusUtilisation() {
    // given a 5,000,000 limit and 2,750,000.50 used
    final CreditHeadroom headroom = CreditHeadroom.of(LIMIT, TODAY, utilisation(true));
    // then 2,249,999.50 left, 55.00001 % used
    assertThat(headroom.headroom().amount()).isEqualByComparingTo("2249999.50");
    assertThat(headroom.utilisationShare()).isEqualByComparingTo("0.5500001");
  }

  @Test
  void aDealWithinTheHeadroomFits() {
    // given 2,249,999.50 headroom
    final CreditCheck check =
        CreditHeadroom.of(LIMIT, TODAY, utilisation(true)).check(Money.usd("2000000"));
    // then it fits with 249,999.50 left, 95.00001 % used after the deal
    assertThat(check.fits()).isTrue();
    assertThat(check.headroomAfter().amount()).isEqualByComparingTo("249999.50");
    assertThat(check.utilisationShareAfter()).isEqualByComparingTo("0.9500001");
    assertThat(check.reason())
        .isEqualTo("fits: headroom USD 2249999.50 - deal USD 2000000.00 = USD 249999.50");
  }

  @Test
  void aDealBeyondTheHeadroomDoesNotFitAndSaysByHowMuch() {
    final CreditCheck check =
        CreditHeadroom.of(LIMIT, TODAY, utilisation(true)).check(Money.usd("2250000"));
    assertThat(check.fits()).isFalse();
    assertThat(check.reason()).endsWith("short by USD 0.50");
  }

  @Test
  void anExpiredLimitCountsAsZero() {
    // given the limit expired on 2026-12-31, checked on 2027-01-01
    final CreditHeadroom headroom =
        CreditHeadroom.of(LIMIT, LocalDate.of(2027, 1, 1), utilisation(false));
    // then no headroom is left and no deal fits, whatever its size
    assertThat(headroom.effectiveLimit().amount()).isEqualByComparingTo("0");
    assertThat(headroom.headroom().amount()).isEqualByComparingTo("-1750000.50");
    assertThat(headroom.utilisationShare()).isEqualByComparingTo("1");
    final CreditCheck check = headroom.check(Money.usd("1"));
    assertThat(check.fits()).isFalse();
    assertThat(check.reason()).contains("expired on 2026-12-31");
  }

  @Test
  void theLimitIsStillActiveOnItsExpiryDate() {
    assertThat(LIMIT.isActiveOn(LocalDate.of(2026, 12, 31))).isTrue();
  }

  @Test
  void anInvoiceInAnotherCurrencyIsRefused() {
    assertThatThrownBy(
            () ->
                CreditUtilisation.of(
                    Money.USD,
                    List.of(
                        new OpenInvoice(
                            "INV-EUR", Money.of(BigDecimal.TEN, Currency.getInstance("EUR")))),
                    List.of()))
        .isInstanceOf(CreditInputException.class)
        .hasMessageContaining("invoice INV-EUR is in EUR but the credit limit is in USD");
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> CreditLimit.of("CP-1", Money.usd("-1")))
        .isInstanceOf(CreditInputException.class)
        .hasMessageContaining("cannot be negative");
  }
}
