import { describe, expect, it } from 'vitest';
import { dueStatus } from './due';

describe('due dates', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('reads the engine\'s date-times, with or without a zone id', () => {
    expect(dueStatus('2026-11-26T14:23:17.893Z[Etc/UTC]', now)).toEqual({ label: '2026-11-26 14:23 UTC', tone: 'later' });
    expect(dueStatus('2026-11-24T18:00:00Z', now).tone).toBe('soon');
    expect(dueStatus('2026-11-23T18:00:00+01:00', now).tone).toBe('overdue');
  });

  it('says when there is no date or it cannot be read', () => {
    expect(dueStatus(null, now).tone).toBe('none');
    expect(dueStatus('next week', now)).toEqual({ label: 'next week', tone: 'none' });
  });
});
