package org.openmineral.domain.pricing;

/**
 * The event a month-relative quotational period counts from: the month of shipment (bill of lading
 * date) or the month of arrival at the discharge port.
 */
public enum QpEvent {
  SHIPMENT("shipment"),
  ARRIVAL("arrival");

  private final String label;

  QpEvent(final String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
