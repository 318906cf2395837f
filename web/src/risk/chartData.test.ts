import { describe, expect, it } from 'vitest';
import { headroomBars, pricePoints, windowStart } from './chartData';

describe('chart data', () => {
  it('orders prices by date and drops unreadable values', () => {
    expect(pricePoints([{ date: '2025-02', value: '9100.5' }, { date: '2025-01', value: 9000 }, { date: '2025-03', value: 'n/a' }])).toEqual([
      { date: '2025-01', value: 9000 },
      { date: '2025-02', value: 9100.5 },
    ]);
  });

  it('starts a look-back window the given years before the last date', () => {
    expect(windowStart('2025-11', 5)).toBe('2020-11-01');
    expect(windowStart('2025-11-30', 1)).toBe('2024-11-30');
    expect(windowStart('2025-11', null)).toBeUndefined();
    expect(windowStart(null, 5)).toBeUndefined();
  });

  it('splits each effective limit into used and free, leaving out counterparties without a limit', () => {
    expect(
      headroomBars([
        { name: 'A', effectiveLimit: '1000000.00', utilisation: '250000.00', headroom: '750000.00' },
        { name: 'B', effectiveLimit: null, utilisation: null, headroom: null },
        { name: 'C', effectiveLimit: 100, utilisation: 130, headroom: -30 },
      ]),
    ).toEqual([
      { name: 'A', used: 250000, free: 750000 },
      { name: 'C', used: 130, free: 0 },
    ]);
  });
});
