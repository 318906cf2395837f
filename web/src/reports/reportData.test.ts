import { describe, expect, it } from 'vitest';
import {
  ageingBars,
  ageingCurrencies,
  ageingSummary,
  findingsByHedge,
  KYC_STATUSES,
  orderedCounts,
  pnlBars,
  pnlLineRows,
  reportPath,
  sumDecimals,
  taskBars,
  totalBreaches,
} from './reportData';
import { pnlFixture } from './testReports';
import type { AgeingBucketTotal, TaskThroughput } from './types';

describe('report addresses', () => {
  it('leaves out empty filters so that the server defaults apply', () => {
    expect(reportPath('/api/reports/pnl', { asOf: '2026-03-31', from: '', metal: undefined, counterparty: null, format: 'csv' })).toBe(
      '/api/reports/pnl?asOf=2026-03-31&format=csv',
    );
    expect(reportPath('/api/reports/invoice-ageing', {})).toBe('/api/reports/invoice-ageing');
  });

  it('encodes what it sends', () => {
    expect(reportPath('/api/reports/process-throughput', { asOf: '2026-03-31T10:00:00+02:00' })).toBe(
      '/api/reports/process-throughput?asOf=2026-03-31T10%3A00%3A00%2B02%3A00',
    );
  });
});

describe('exact sums', () => {
  it('adds decimals without binary rounding', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals([0.1, 0.2])).toBe('0.3');
    expect(sumDecimals(['1234567890123.45', '0.55'])).toBe('1234567890124.00');
  });

  it('keeps signs and the widest scale', () => {
    expect(sumDecimals(['-1250.50', '250.5', '1000'])).toBe('0.00');
    expect(sumDecimals(['-0.004', '0.001'])).toBe('-0.003');
    expect(sumDecimals([])).toBe('0');
  });

  it('refuses what is not a decimal', () => {
    expect(() => sumDecimals(['1e3'])).toThrow('not a decimal');
    expect(() => sumDecimals(['.'])).toThrow('not a decimal');
  });
});

describe('P&L', () => {
  it('stacks realised and unrealised per deal, largest total first', () => {
    expect(pnlBars(pnlFixture.rows)).toEqual([
      { dealId: '3f1c2a10-0000-4000-8000-000000000001', label: '3f1c2a10 Cu', counterparty: 'Atacama Cobre', realised: 110975, unrealised: -12500, total: 98475 },
      { dealId: '7b2e9c44-0000-4000-8000-000000000002', label: '7b2e9c44 Zn', counterparty: 'Nordic Zinc', realised: 0, unrealised: -40250.5, total: -40250.5 },
    ]);
  });

  it('lists every line with its deal for the lines view, in the order of the report', () => {
    const lines = pnlLineRows(pnlFixture.rows);
    expect(lines.map((l) => [l.dealId.slice(0, 8), l.source, l.state, l.amountUsd])).toEqual([
      ['7b2e9c44', 'PHYSICAL', 'UNREALISED', -40250.5],
      ['3f1c2a10', 'PHYSICAL', 'REALISED', 110975],
      ['3f1c2a10', 'HEDGE', 'UNREALISED', -12500],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
  });
});

describe('invoice ageing', () => {
  const totals: AgeingBucketTotal[] = [
    { side: 'RECEIVABLE', currency: 'USD', bucket: '90+', invoices: 1, outstanding: '500.10' },
    { side: 'PAYABLE', currency: 'USD', bucket: '0-30', invoices: 2, outstanding: '1000.20' },
    { side: 'RECEIVABLE', currency: 'USD', bucket: '0-30', invoices: 1, outstanding: '250.00' },
    { side: 'RECEIVABLE', currency: 'EUR', bucket: '31-60', invoices: 1, outstanding: 80 },
  ];

  it('orders the buckets by age and keeps the empty ones', () => {
    expect(ageingBars(totals, 'USD')).toEqual([
      { bucket: '0-30', RECEIVABLE: 250, PAYABLE: 1000.2, UNKNOWN: 0 },
      { bucket: '31-60', RECEIVABLE: 0, PAYABLE: 0, UNKNOWN: 0 },
      { bucket: '61-90', RECEIVABLE: 0, PAYABLE: 0, UNKNOWN: 0 },
      { bucket: '90+', RECEIVABLE: 500.1, PAYABLE: 0, UNKNOWN: 0 },
    ]);
    expect(ageingBars(totals, 'EUR')[1]).toEqual({ bucket: '31-60', RECEIVABLE: 80, PAYABLE: 0, UNKNOWN: 0 });
  });

  it('sums each side and currency over the buckets exactly', () => {
    expect(ageingCurrencies(totals)).toEqual(['EUR', 'USD']);
    expect(ageingSummary(totals)).toEqual([
      { side: 'RECEIVABLE', currency: 'EUR', invoices: 1, outstanding: '80' },
      { side: 'RECEIVABLE', currency: 'USD', invoices: 2, outstanding: '750.10' },
      { side: 'PAYABLE', currency: 'USD', invoices: 2, outstanding: '1000.20' },
    ]);
  });
});

describe('KYC reviews', () => {
  it('counts statuses in the onboarding order, zeros kept, unknown ones after', () => {
    expect(orderedCounts({ APPROVED: 4, PENDING: 1, LEGACY: 2 }, KYC_STATUSES)).toEqual([
      { key: 'PENDING', count: 1 },
      { key: 'UNDER_REVIEW', count: 0 },
      { key: 'APPROVED', count: 4 },
      { key: 'REJECTED', count: 0 },
      { key: 'OFFBOARDED', count: 0 },
      { key: 'LEGACY', count: 2 },
    ]);
  });
});

describe('process throughput', () => {
  const task = (elementId: string, counts: Partial<TaskThroughput>): TaskThroughput => ({
    bpmnProcessId: 'trade-lifecycle',
    elementId,
    created: 0,
    completed: 0,
    canceled: 0,
    open: 0,
    withDueDate: 0,
    completedLate: 0,
    openOverdue: 0,
    breaches: 0,
    p50HoursToComplete: null,
    p90HoursToComplete: null,
    ...counts,
  });

  it('splits completed and open tasks by their due dates, most breaches first', () => {
    const tasks = [
      task('approve-deal', { created: 5, completed: 4, open: 1, completedLate: 0, openOverdue: 0 }),
      task('decide-onboarding', { created: 7, completed: 5, canceled: 1, open: 1, completedLate: 2, openOverdue: 1, breaches: 3 }),
    ];
    expect(taskBars(tasks)).toEqual([
      { label: 'trade-lifecycle · decide-onboarding', onTime: 3, late: 2, open: 0, overdue: 1, breaches: 3 },
      { label: 'trade-lifecycle · approve-deal', onTime: 4, late: 0, open: 1, overdue: 0, breaches: 0 },
    ]);
    expect(totalBreaches(tasks)).toBe(3);
  });
});

describe('hedge trade report', () => {
  it('groups the findings by hedge', () => {
    expect(
      findingsByHedge([
        { hedgeId: 'h1', field: 'price', reason: 'no execution recorded' },
        { hedgeId: 'h2', field: 'venueOfExecution', reason: 'no MIC for exchange XYZ' },
        { hedgeId: 'h1', field: 'counterparty2', reason: 'no broker LEI' },
      ]),
    ).toEqual([
      {
        hedgeId: 'h1',
        findings: [
          { hedgeId: 'h1', field: 'price', reason: 'no execution recorded' },
          { hedgeId: 'h1', field: 'counterparty2', reason: 'no broker LEI' },
        ],
      },
      { hedgeId: 'h2', findings: [{ hedgeId: 'h2', field: 'venueOfExecution', reason: 'no MIC for exchange XYZ' }] },
    ]);
  });
});
