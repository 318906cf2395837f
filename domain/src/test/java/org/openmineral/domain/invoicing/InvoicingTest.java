package org.openmineral.domain.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.openmineral.domain.assay.Assay;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.valuation.ConcentrateLot;
import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.DryWeight;
import org.openmineral.domain.valuation.PayableTerm;
import org.openmineral.domain.valuation.RefiningCharge;
import org.openmineral.domain.valuation.RefiningUnit;
import org.openmineral.domain.valuation.TreatmentCharge;
import org.openmineral.domain.valuation.Valuation;
import org.openmineral.domain.valuation.ValuationTerms;

class InvoicingTest {
  private final ConcentrateValuer valuer = new ConcentrateValuer();
  private final ValuationTerms terms =
      new ValuationTerms(
          List.of(PayableTerm.of(Element.CU, "96.5").withMinDeduction("1.0")),
          TreatmentCharge.flat("80"),
          List.of(RefiningCharge.of(Element.CU, "0.08", RefiningUnit.USD_PER_LB)),
          List.of());

  private Valuation value(
      final String wmt, final String moisture, final String cu, final String price) {
    return valuer.value(
        new ConcentrateLot(
            DryWeight.of(new BigDecimal(wmt), new BigDecimal(moisture), null),
            Map.of(Element.CU, Assay.percent(Element.CU, cu))),
        terms,
        Map.of(Element.CU, Price.of(price, PriceUnit.USD_PER_T)));
  }

  @Test
  void provisionalInvoiceChargesTheAgreedShareOfTheProvisionalValue() {
    // given 5,000 wmt at 8 % = 4,600 dmt of 26 % Cu: payable 25 % (min deduction) at 9,000
    //   2,250.00 − 80.00 − 0.25 × 2,204.6226 × 0.08 (= 44.0925) = 2,125.9075 USD/dmt
    final Valuation provisional = value("5000", "8", "26", "9000");

    // when
    final ProvisionalInvoice invoice = ProvisionalInvoice.of(provisional, new BigDecimal("90"));

    // then 90 % of the lot value
    assertThat(provisional.nsrPerDmt()).isEqualByComparingTo("2125.9075");
    assertThat(invoice.amountDue())
        .isEqualTo(provisional.lotValue().times(new BigDecimal("0.9")).rounded());
  }

  @Test
  void finalInvoiceChargesTheBuyerWhenTheFinalValueIsHigher() {
    // given provisional at 9,000; final QP average 9,400, final weight and assay slightly lower
    final ProvisionalInvoice provisional =
        ProvisionalInvoice.of(value("5000", "8", "26", "9000"), new BigDecimal("90"));
    final Valuation finalValuation = value("4990", "8.2", "25.8", "9400");

    // when
    final FinalInvoice invoice = FinalInvoice.of(finalValuation, List.of(provisional));

    // then
    assertThat(invoice.direction()).isEqualTo(FinalInvoice.Direction.BUYER_PAYS);
    assertThat(invoice.balance())
        .isEqualTo(finalValuation.lotValue().minus(provisional.amountDue()));
    assertThat(invoice.provisionallyInvoiced()).isEqualTo(provisional.amountDue());
  }

  @Test
  void finalInvoiceIsACreditNoteWhenThePriceFellBelowTheProvisionalPayment() {
    // given the price fell 20 %: the final value is below the 90 % already paid
    final ProvisionalInvoice provisional =
        ProvisionalInvoice.of(value("5000", "8", "26", "9000"), new BigDecimal("90"));

    // when
    final FinalInvoice invoice =
        FinalInvoice.of(value("5000", "8", "26", "7200"), List.of(provisional));

    // then
    assertThat(invoice.direction()).isEqualTo(FinalInvoice.Direction.SELLER_REFUNDS);
    assertThat(invoice.balance().isNegative()).isTrue();
  }

  @Test
  void provisionalShareMustBeAPercentage() {
    final Valuation provisional = value("5000", "8", "26", "9000");
    assertThatThrownBy(() -> ProvisionalInvoice.of(provisional, new BigDecimal("110")))
        .hasMessageContaining("provisionalPct");
  }

  @Property
  void provisionalPlusFinalBalanceEqualsTheFinalValue(
      @ForAll @BigRange(min = "100", max = "60000") @Scale(3) final BigDecimal wmt,
      @ForAll @BigRange(min = "5000", max = "12000") @Scale(2) final BigDecimal provisionalPrice,
      @ForAll @BigRange(min = "5000", max = "12000") @Scale(2) final BigDecimal finalPrice,
      @ForAll @BigRange(min = "50", max = "100") @Scale(1) final BigDecimal share) {
    final ProvisionalInvoice provisional =
        ProvisionalInvoice.of(
            value(wmt.toPlainString(), "8", "26", provisionalPrice.toPlainString()), share);
    final FinalInvoice invoice =
        FinalInvoice.of(
            value(wmt.toPlainString(), "8.1", "25.9", finalPrice.toPlainString()),
            List.of(provisional));

    final Money total = provisional.amountDue().plus(invoice.balance());
    assertThat(total).isEqualTo(invoice.finalValue());
  }
}
