package org.openmineral.domain.pricing;

/**
 * How often a series publishes a value.
 *
 * <ul>
 *   <li>{@link #DAILY}: one official price per business day (LME official settlement, LBMA
 *       fixings). Weekends and exchange holidays simply have no value.
 *   <li>{@link #MONTHLY}: one value per calendar month, itself an average of the month's daily
 *       prices (World Bank Pink Sheet, LME monthly average settlement price). A monthly value is
 *       stored under the first day of its month and is known only once the month has ended.
 *   <li>{@link #ANNUAL}: one value per calendar year, such as the annual copper concentrate TC/RC
 *       benchmark agreed between miners and smelters. Stored under 1 January of its year.
 * </ul>
 */
public enum SeriesFrequency {
  DAILY,
  MONTHLY,
  ANNUAL
}
