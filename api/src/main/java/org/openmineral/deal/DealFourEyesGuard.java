package org.openmineral.deal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openmineral.task.TaskCompletionGuard;
import org.openmineral.task.UserTaskView;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rule on the approvals of the trade lifecycle: whoever captured or amended the deal
 * may never complete "Approve deal" or "Re-approve amendment", whatever the task's groups say. A
 * refusal is recorded on the deal's activity (FOUR_EYES_REFUSED, with the user) and answered 403.
 * An allowed completion carries {@code approvedBy}, which the model checks again.
 */
@Component
class DealFourEyesGuard implements TaskCompletionGuard {
  static final Set<String> APPROVALS = Set.of("approve-deal", "reapprove-amendment");

  private final DealStore deals;
  private final Clock clock = Clock.systemUTC();

  DealFourEyesGuard(final DealStore deals) {
    this.deals = deals;
  }

  @Override
  public Map<String, Object> beforeCompletion(
      final UserTaskView task, final String user, final Map<String, Object> variables) {
    if (!DealService.PROCESS_ID.equals(task.processDefinitionId())
        || !APPROVALS.contains(task.elementId())) {
      return Map.of();
    }
    final java.util.Optional<Deal> found = deals.findByProcessInstance(task.processInstanceKey());
    if (found.isEmpty()) {
      // an instance started without the deal API: the model's gateway checks capturedBy
      return Map.of("approvedBy", user);
    }
    final Deal deal = found.get();
    final String role =
        user.equals(deal.capturedBy())
            ? "captured"
            : deal.amendedBy().contains(user) ? "amended" : null;
    if (role != null) {
      final Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("task", task.elementId());
      detail.put("taskKey", Long.toString(task.key()));
      detail.put("reason", role);
      deals.addActivity(deal.id(), user, "FOUR_EYES_REFUSED", detail, null, clock.instant());
      throw new DealProblems.FourEyesViolation(deal.id(), user, role);
    }
    return Map.of("approvedBy", user);
  }
}
