import { describe, expect, it } from 'vitest';
import { navigationFor, selectedNav } from './navigation';

describe('navigation', () => {
  it('shows each role the screens it may use', () => {
    expect(navigationFor(['trader']).map((i) => i.path)).toEqual(['/tasks', '/deals', '/counterparties', '/risk', '/copilot']);
    expect(navigationFor(['legal']).map((i) => i.path)).not.toContain('/copilot');
    expect(navigationFor(['auditor']).map((i) => i.path)).toContain('/replay');
    expect(navigationFor(['trader']).map((i) => i.path)).not.toContain('/replay');
    expect(navigationFor([]).map((i) => i.path)).toEqual(['/tasks', '/counterparties', '/risk']);
  });

  it('shows the reports to the roles the server lets read /api/reports/**', () => {
    for (const role of ['risk', 'desk-head', 'compliance', 'auditor', 'admin']) {
      expect(navigationFor([role]).map((i) => i.path), role).toContain('/reports');
    }
    for (const role of ['trader', 'operations', 'legal']) {
      expect(navigationFor([role]).map((i) => i.path), role).not.toContain('/reports');
    }
    expect(navigationFor(['risk']).map((i) => i.path)).toEqual(['/tasks', '/deals', '/counterparties', '/risk', '/reports', '/replay', '/copilot']);
  });

  it('selects the menu entry of nested routes', () => {
    expect(selectedNav('/tasks/2251799813685427')).toBe('/tasks');
    expect(selectedNav('/counterparties')).toBe('/counterparties');
    expect(selectedNav('/reports')).toBe('/reports');
    expect(selectedNav('/taskforce')).toBeUndefined();
  });
});
