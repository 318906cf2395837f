/** How a due date reads in the inbox, and whether it is overdue or near. */
export function dueStatus(dueDate: string | null | undefined, now = new Date()): { label: string; tone: 'overdue' | 'soon' | 'later' | 'none' } {
  if (!dueDate) return { label: 'no due date', tone: 'none' };
  // the engine may append the zone id: 2026-11-26T14:23:17.893Z[Etc/UTC]
  const due = new Date(dueDate.replace(/\[[^\]]*\]$/, ''));
  if (Number.isNaN(due.getTime())) return { label: dueDate, tone: 'none' };
  const hours = (due.getTime() - now.getTime()) / 3_600_000;
  const label = due.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (hours < 0) return { label, tone: 'overdue' };
  if (hours < 24) return { label, tone: 'soon' };
  return { label, tone: 'later' };
}
