package org.openmineral.domain.predeal;

import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.RefiningChargeSeriesId;
import org.openmineral.domain.pricing.TreatmentChargeSeriesId;

/**
 * The TC and RC benchmark series a pre-deal analysis falls back on when the proposed terms give no
 * treatment charge, or no refining charge of the analysed metal. Either may be absent (null).
 *
 * @param treatmentCharge a {@link TreatmentChargeSeriesId} series, or null
 * @param refiningCharge a {@link RefiningChargeSeriesId} series, or null
 */
public record ChargeBenchmarks(PriceSeries treatmentCharge, PriceSeries refiningCharge) {
  public ChargeBenchmarks {
    if (treatmentCharge != null && !(treatmentCharge.id() instanceof TreatmentChargeSeriesId)) {
      throw new IllegalArgumentException(treatmentCharge.id() + " is not a TC benchmark series");
    }
    if (refiningCharge != null && !(refiningCharge.id() instanceof RefiningChargeSeriesId)) {
      throw new IllegalArgumentException(refiningCharge.id() + " is not an RC benchmark series");
    }
  }

  /** No benchmarks: the terms are used as given. */
  public static ChargeBenchmarks none() {
    return new ChargeBenchmarks(null, null);
  }
}
