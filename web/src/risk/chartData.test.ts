import { describe, expect, it } from 'vitest';
import { headroomBars, pricePoints, seriesLabel, windowStart } from './chartData';

describe('chart data', () => {
  it('orders prices by date and drops unreadable values', () => {
    expect(pricePoints([{ date: '2025-02', value: '9100.5' }, { date: '2025-01', value: 9000 }, { date: '2025-03', value: 'n/a' }])).toEqual([
      { date: '2025-01', value: 9000 },
      { date: '2025-02', value: 9100.5 },
    ]);
  });

  it('labels a series by its kind: metal prices, FX pairs and TC/RC benchmarks', () => {
    const base = { code: '', id: '', frequency: 'DAILY', count: 1, first: null, last: null, publisher: null, attribution: null };
    expect(seriesLabel({ ...base, kind: 'PRICE', metal: 'Cu', market: 'LME_CASH', unit: 'USD_PER_T' })).toBe('Cu · LME_CASH · USD_PER_T');
    expect(seriesLabel({ ...base, metal: 'Cu', market: 'LME_CASH', unit: 'USD_PER_T' })).toBe('Cu · LME_CASH · USD_PER_T');
    expect(seriesLabel({ ...base, kind: 'FX', metal: null, baseCurrency: 'EUR', quoteCurrency: 'USD', market: 'ECB', unit: 'USD_PER_EUR' })).toBe('FX EUR/USD · ECB');
    expect(seriesLabel({ ...base, kind: 'TC', metal: 'Cu', market: 'BENCHMARK', unit: 'USD_PER_DMT' })).toBe('TC Cu · BENCHMARK · USD_PER_DMT');
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
