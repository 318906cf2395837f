package org.openmineral.compliance;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openmineral.domain.screening.ScreeningRequest;
import org.openmineral.domain.screening.ScreeningResult;
import org.openmineral.workers.kyc.SanctionsScreening;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test only: the screening the workers use, which for names a test takes down is answered by
 * sanctions lists that really are missing (a {@link SanctionsLists} over a folder that does not
 * exist, failing exactly as the application does when its lists are gone), and otherwise by the
 * application's loaded lists. Lets a process test make screening unavailable for its own
 * counterparty without affecting anything else running in the same application.
 */
@Component
@Primary
public class SanctionsListsOutage implements SanctionsScreening {
  private final SanctionsLists lists;
  private final SanctionsLists missing =
      new SanctionsLists(new ScreeningProperties(Path.of("/nonexistent/openmineral-sanctions")));
  private final Set<String> down = ConcurrentHashMap.newKeySet();

  public SanctionsListsOutage(final SanctionsLists lists) {
    this.lists = lists;
  }

  /** Screening of {@code name} fails from now on. */
  public void takeDownFor(final String name) {
    down.add(name);
  }

  /** Screening of {@code name} uses the loaded lists again. */
  public void restoreFor(final String name) {
    down.remove(name);
  }

  @Override
  public ScreeningResult screen(final ScreeningRequest request) {
    return down.contains(request.name()) ? missing.screen(request) : lists.screen(request);
  }
}
