import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import {
  amendFieldOf,
  amendFormOf,
  amendRequest,
  eventFieldOf,
  eventRequest,
  ifMatch,
  isStaleVersion,
  placeProblem,
  sameDecimal,
  Submission,
} from './dealChanges';
import { approvedDeal } from './testDeal';
import type { Deal } from './types';

// the deal as the API answers it: decimals as text, a second assay in another unit
const deal: Deal = {
  ...approvedDeal,
  moisturePct: '8.0000',
  assays: { Cu: { value: 25, unit: 'PCT' }, Au: { value: 1.2, unit: 'G_PER_DMT' } },
  provisionalPct: '90.00',
  value: { amount: '1000000.00', currency: 'USD' },
};

describe('deal amendment', () => {
  it('compares decimals as decimal text, not as binary fractions', () => {
    expect(sameDecimal('90.00', 90)).toBe(true);
    expect(sameDecimal('0.30', '.3')).toBe(true);
    expect(sameDecimal('-0.0', 0)).toBe(true);
    expect(sameDecimal('1000000.01', '1000000.1')).toBe(false);
    expect(sameDecimal(null, '')).toBe(true);
    expect(sameDecimal(null, 0)).toBe(false);
  });

  it('sends nothing when the form still holds the deal as read', () => {
    expect(amendRequest(deal, amendFormOf(deal))).toEqual({});
  });

  it('sends only the changed terms, each whole as the API replaces it', () => {
    const form = { ...amendFormOf(deal), valueAmount: 1200000, grade: 26, qpEnd: '2026-04-30' };
    expect(amendRequest(deal, form)).toEqual({
      value: { amount: 1200000, currency: 'USD' },
      assays: { Cu: { value: 26, unit: 'PCT' }, Au: { value: 1.2, unit: 'G_PER_DMT' } },
      pricing: { basis: 'QP', qpStart: '2026-03-02', qpEnd: '2026-04-30', provisionalPrice: { value: 9000, unit: 'USD_PER_T' } },
    });
  });

  it('switches the pricing basis to a fixing day and drops the QP', () => {
    const form = { ...amendFormOf(deal), basis: 'FIXED', fixedOn: '2026-05-15' };
    expect(amendRequest(deal, form)).toEqual({
      pricing: { basis: 'FIXED', fixedOn: '2026-05-15', provisionalPrice: { value: 9000, unit: 'USD_PER_T' } },
    });
  });

  it('sends the quantity with its unit and the logistics deadline when they change', () => {
    const form = { ...amendFormOf(deal), quantityUnit: 'DMT', provisionalPct: 95, logisticsDeadline: 'P90D' };
    expect(amendRequest(deal, form)).toEqual({
      quantity: { value: 1000, unit: 'DMT' },
      provisionalPct: 95,
      logisticsDeadline: 'P90D',
    });
  });

  it("puts the server's field errors on the amendment form's fields", () => {
    const problem = {
      status: 400,
      detail: 'pricing.qpEnd: is before qpStart',
      field: 'pricing.qpEnd',
      errors: [{ field: 'terms.payables[0].payablePct', message: 'must be from 0 to 100' }],
    };
    const placed = placeProblem(problem, (f) => amendFieldOf(f, 'Cu'));
    expect(placed.fields).toEqual([{ name: 'qpEnd', errors: ['is before qpStart'] }]);
    expect(placed.other).toEqual(['terms.payables[0].payablePct: must be from 0 to 100']);
    expect(amendFieldOf('assays.Cu.unit', 'Cu')).toBe('grade');
    expect(amendFieldOf('value.amount', 'Cu')).toBe('valueAmount');
    expect(amendFieldOf('pricing.provisionalPrice.value', 'Cu')).toBe('provisionalPrice');
  });

  it('recognises a stale version and sends the version read as If-Match', () => {
    const stale = new ApiError({
      status: 409,
      type: 'https://openmineral.org/problems/stale-version',
      detail: 'Deal d-1 is at version 4, not 3',
      currentVersion: 4,
    });
    const finished = new ApiError({ status: 409, type: 'https://openmineral.org/problems/conflict', detail: 'closed' });
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(finished)).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
    expect(ifMatch(deal)).toEqual({ 'If-Match': '"3"' });
  });
});

describe('business events', () => {
  it('sends the filled fields of a vessel nomination, trimmed', () => {
    expect(eventRequest(deal, 'vessel-nominated', { vesselName: ' MV Atacama ', imo: '', laycanStart: '2026-04-01' })).toEqual({
      vesselName: 'MV Atacama',
      laycanStart: '2026-04-01',
    });
  });

  it("sends the assays of the deal's metal in the unit it was captured in", () => {
    expect(eventRequest(deal, 'assays-received', { sellerAssay: 25.1, buyerAssay: 24.9, finalWetTonnes: 998.5 })).toEqual({
      sellerAssays: { Cu: { value: 25.1, unit: 'PCT' } },
      buyerAssays: { Cu: { value: 24.9, unit: 'PCT' } },
      finalWetTonnes: 998.5,
    });
  });

  it('sends a payment in USD, the settlement currency, against the invoice chosen', () => {
    expect(eventRequest(deal, 'payment-received', { invoice: 'PROVISIONAL', amount: 125000.5 })).toEqual({
      invoice: 'PROVISIONAL',
      amount: 125000.5,
      currency: 'USD',
    });
    expect(eventFieldOf('payment-received', 'invoice')).toBe('invoice');
    expect(() => eventRequest(deal, 'loaded', {})).toThrow();
  });

  it("puts the server's field errors on the event form's fields", () => {
    expect(eventFieldOf('assays-received', 'buyerAssays.Cu.value')).toBe('buyerAssay');
    expect(eventFieldOf('vessel-nominated', 'imo')).toBe('imo');
    expect(eventFieldOf('vessel-nominated', 'Idempotency-Key')).toBeUndefined();
  });
});

describe('a submission and its idempotency key', () => {
  it('sends a double click once, with one key, and takes a new key after success', async () => {
    let n = 0;
    const submission = new Submission(() => `key-${++n}`);
    const sent: string[] = [];
    let answer: (v: string) => void = () => {};
    const request = (key: string) => {
      sent.push(key);
      return new Promise<string>((resolve) => (answer = resolve));
    };
    const first = submission.send(request);
    const second = submission.send(request);
    expect(sent).toEqual(['key-1']);
    answer('accepted');
    expect(await first).toBe('accepted');
    expect(await second).toBe('accepted');
    expect(submission.key).toBe('key-2');
    void submission.send(request);
    expect(sent).toEqual(['key-1', 'key-2']);
  });

  it('keeps the key after a failure, so the retry of a lost answer is recognised as a repeat', async () => {
    let n = 0;
    const submission = new Submission(() => `key-${++n}`);
    const sent: string[] = [];
    await expect(
      submission.send((key) => {
        sent.push(key);
        return Promise.reject(new Error('network'));
      }),
    ).rejects.toThrow('network');
    await submission.send(async (key) => {
      sent.push(key);
      return 'ok';
    });
    expect(sent).toEqual(['key-1', 'key-1']);
    submission.renew();
    expect(submission.key).toBe('key-3');
  });
});
