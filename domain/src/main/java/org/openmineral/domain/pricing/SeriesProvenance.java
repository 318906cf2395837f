package org.openmineral.domain.pricing;

import java.util.Objects;

/**
 * Where a series comes from and on what terms, so that every average built on it can say so.
 *
 * @param publisher who publishes the prices, e.g. "The World Bank"
 * @param description what the price is, e.g. "LME grade A cathodes, settlement price, monthly
 *     average"
 * @param licence the licence under which the data is used, e.g. "CC BY 4.0"
 * @param attribution the attribution the licence requires, to be shown wherever the data is shown
 */
public record SeriesProvenance(
    String publisher, String description, String licence, String attribution) {
  public SeriesProvenance {
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(attribution, "attribution");
  }

  /** Provenance for a series of one's own (synthetic test data, internal marks). */
  public static SeriesProvenance internal(final String description) {
    return new SeriesProvenance("internal", description, "internal use", "");
  }
}
