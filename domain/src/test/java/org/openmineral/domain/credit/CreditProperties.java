package org.openmineral.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.openmineral.domain.units.Money;

class CreditProperties {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Property
  void headroomPlusUtilisationIsTheLimit(
      @ForAll @BigRange(min = "0", max = "100000000") @Scale(2) final BigDecimal limit,
      @ForAll @Size(max = 10)
          final List<@BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal> invoices,
      @ForAll @Size(max = 10)
          final List<@BigRange(min = "-10000000", max = "10000000") @Scale(2) BigDecimal> marks) {
    // given any limit, invoices and marks-to-market
    final CreditUtilisation used =
        CreditUtilisation.of(
            Money.USD,
            invoices.stream().map(a -> new OpenInvoice("i", Money.usd(a))).toList(),
            marks.stream().map(a -> new OpenDeal("d", Money.usd(a))).toList());
    // when
    final CreditHeadroom headroom =
        CreditHeadroom.of(CreditLimit.of("cp", Money.usd(limit)), TODAY, used);
    // then
    assertThat(headroom.headroom().plus(used.total()).amount()).isEqualByComparingTo(limit);
    assertThat(used.unrealisedExposure().amount().signum()).isGreaterThanOrEqualTo(0);
  }

  @Property
  void aDealFitsExactlyWhenItIsNoMoreThanTheHeadroom(
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) final BigDecimal limit,
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) final BigDecimal invoiced,
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) final BigDecimal deal) {
    final CreditHeadroom headroom =
        CreditHeadroom.of(
            CreditLimit.of("cp", Money.usd(limit)),
            TODAY,
            CreditUtilisation.of(
                Money.USD, List.of(new OpenInvoice("i", Money.usd(invoiced))), List.of()));
    final CreditCheck check = headroom.check(Money.usd(deal));
    assertThat(check.fits()).isEqualTo(invoiced.add(deal).compareTo(limit) <= 0);
  }
}
