package org.openmineral.domain.pricing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The dates of a cargo that quotational periods are defined against: the shipment (bill of lading)
 * date, known once loaded, and the arrival date at the discharge port, which may not be known yet.
 */
public record QpReferenceDates(LocalDate shipment, Optional<LocalDate> arrival) {
  public QpReferenceDates {
    Objects.requireNonNull(shipment, "shipment");
    Objects.requireNonNull(arrival, "arrival");
    if (arrival.isPresent() && arrival.get().isBefore(shipment)) {
      throw new QuotationalPeriodException(
          "arrival " + arrival.get() + " is before shipment " + shipment);
    }
  }

  public static QpReferenceDates shippedOn(final LocalDate shipment) {
    return new QpReferenceDates(shipment, Optional.empty());
  }

  public static QpReferenceDates of(final LocalDate shipment, final LocalDate arrival) {
    return new QpReferenceDates(shipment, Optional.of(arrival));
  }

  /** The date of {@code event}. */
  public LocalDate dateOf(final QpEvent event) {
    return switch (event) {
      case SHIPMENT -> shipment;
      case ARRIVAL ->
          arrival.orElseThrow(
              () ->
                  new QuotationalPeriodException(
                      "the quotational period counts from arrival, but the arrival date of the"
                          + " cargo shipped "
                          + shipment
                          + " is not known yet"));
    };
  }
}
