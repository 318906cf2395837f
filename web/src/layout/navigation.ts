import { can, type Capability } from '../auth/roles';

export interface NavItem {
  path: string;
  label: string;
  /** Shown only to users with this capability; always shown without. */
  needs?: Capability;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/tasks', label: 'Task inbox' },
  { path: '/deals', label: 'Trading desk', needs: 'desk' },
  { path: '/counterparties', label: 'Counterparties' },
  { path: '/risk', label: 'Risk and prices' },
  { path: '/reports', label: 'Reports', needs: 'reports' },
  { path: '/replay', label: 'Process replay', needs: 'replay' },
  { path: '/copilot', label: 'Copilot', needs: 'copilot' },
];

/** The menu a user with these roles sees. */
export function navigationFor(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.needs || can(roles, item.needs));
}

/** The menu entry a path belongs to ("/tasks/123" → "/tasks"). */
export function selectedNav(pathname: string, items: NavItem[] = NAV_ITEMS): string | undefined {
  return items
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
