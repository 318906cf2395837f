package org.openmineral.domain.pricing;

/**
 * The period whose official prices are averaged to price a shipment.
 *
 * <p>In concentrate and metal sales contracts the price of the payable metal is the average of the
 * official (e.g. LME cash settlement) prices over the quotational period. The quotational period is
 * usually a calendar month defined relative to the month of shipment or arrival: M-1, M (the month
 * of the event), M+1, M+2, M+3, ... (the Fastmarkets copper concentrates TC/RC index specification,
 * for example, uses M+3:
 * https://www.fastmarkets.com/insights/pricing-notice-specification-of-metal-bulletin-copper-concentrates-tc-rc-index).
 * It can also be a fixed date range agreed in the contract.
 *
 * <p>Where one party may choose among several periods by a deadline, see {@link DeclarableQp}: the
 * choice resolves to one of these.
 */
public sealed interface QuotationalPeriod permits RelativeMonthQp, FixedQp {

  /** The dates this period covers for a cargo with these reference dates. */
  QpWindow window(QpReferenceDates dates);

  /** Short contract notation, e.g. {@code "M+1 (arrival)"}. */
  String notation();
}
