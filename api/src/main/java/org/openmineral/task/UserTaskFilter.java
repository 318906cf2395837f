package org.openmineral.task;

import java.util.List;

/**
 * Which open tasks to search; null fields do not filter.
 *
 * @param assignee tasks assigned to this user
 * @param candidateGroup tasks offered to this group
 * @param processInstanceKey tasks of this process instance
 * @param viewer only tasks this user may see: assigned to them, or offered to them or to one of
 *     their groups; null for no restriction (admin, auditor)
 * @param workableOnly only tasks the viewer may work on now: assigned to them, or unassigned and
 *     offered to them or one of their groups (ignored without a viewer)
 */
public record UserTaskFilter(
    String assignee,
    String candidateGroup,
    Long processInstanceKey,
    Viewer viewer,
    boolean workableOnly) {

  /** A user and their groups (role names). */
  public record Viewer(String user, List<String> groups) {
    boolean isCandidate(final UserTaskView task) {
      return task.candidateUsers().contains(user)
          || task.candidateGroups().stream().anyMatch(groups::contains);
    }
  }

  /** Whether {@code task} passes the filter; the cluster adapter filters with it in memory. */
  public boolean matches(final UserTaskView task) {
    if (!task.open()
        || (assignee != null && !assignee.equals(task.assignee()))
        || (candidateGroup != null && !task.candidateGroups().contains(candidateGroup))
        || (processInstanceKey != null && processInstanceKey != task.processInstanceKey())) {
      return false;
    }
    if (viewer == null) {
      return true;
    }
    final boolean mine = viewer.user().equals(task.assignee());
    if (workableOnly) {
      return mine || (task.assignee() == null && viewer.isCandidate(task));
    }
    return mine || viewer.isCandidate(task);
  }
}
