package org.openmineral.workers.kyc;

import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;

/**
 * Sanctions screening as the workers need it; the application provides it from the loaded lists.
 * Screening is a pure function of the request and the loaded lists, so calling it again for a
 * redelivered job gives the same result.
 */
public interface SanctionsScreening {

  /**
   * Screens one party.
   *
   * @throws RuntimeException when the lists cannot be screened against (missing, unreadable): a
   *     technical failure, never a business outcome
   */
  ScreeningResult screen(ScreeningRequest request);
}
