package org.openmineral.pricing;

import org.openmineral.domain.valuation.ConcentrateValuer;
import org.openmineral.domain.valuation.Valuation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Concentrate valuation: NSR per dry tonne and lot value with every line. */
@RestController
@RequestMapping("/api/pricing")
class ValuationController {
  private final ConcentrateValuer valuer = new ConcentrateValuer();

  @PostMapping("/valuations")
  ValuationResponse value(@RequestBody final ValuationRequest request) {
    final Valuation valuation =
        valuer.value(
            ValuationMapping.lot(request),
            ValuationMapping.terms(request),
            ValuationMapping.prices(request));
    return ValuationMapping.response(request, valuation);
  }
}
