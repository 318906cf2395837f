package org.openmineral.domain.credit;

import java.util.Objects;
import org.openmineral.domain.units.Money;

/** An invoice to the counterparty not yet paid: {@code outstanding} is what is still owed. */
public record OpenInvoice(String invoiceId, Money outstanding) {
  public OpenInvoice {
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(outstanding, "outstanding");
    if (outstanding.isNegative()) {
      throw new CreditInputException(
          "invoice " + invoiceId + ": outstanding amount cannot be negative: " + outstanding);
    }
  }
}
