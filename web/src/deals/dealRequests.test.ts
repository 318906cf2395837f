import { describe, expect, it } from 'vitest';
import { captureRequest, formFieldOf, valuationRequest, type DealForm } from './dealRequests';

const form: DealForm = {
  counterpartyId: 'cp-1',
  direction: 'BUY',
  commodity: 'Copper concentrate',
  metal: 'Cu',
  quantity: 1000,
  quantityUnit: 'WMT',
  moisturePct: 8,
  grade: 25,
  basis: 'QP',
  qpStart: '2026-03-02',
  qpEnd: '2026-03-31',
  provisionalPrice: 9000,
  payablePct: 96.5,
  minDeductionUnits: 1,
  tc: 80,
  rc: 0.08,
  provisionalPct: 90,
  splittingLimit: 0.2,
  umpireRule: 'UMPIRE_RESULT_IF_BETWEEN',
  valueAmount: 1000000,
  currency: 'USD',
};

describe('deal requests', () => {
  it('values the lot as typed, and waits for the figures a valuation needs', () => {
    expect(valuationRequest(form)).toEqual({
      wetTonnes: 1000,
      moisturePct: 8,
      assays: { Cu: { value: 25, unit: 'PCT' } },
      payables: [{ element: 'Cu', payablePct: 96.5, minDeductionUnits: 1 }],
      prices: { Cu: { value: 9000, unit: 'USD_PER_T' } },
      treatmentCharge: { usdPerDmt: 80 },
      refiningCharges: [{ element: 'Cu', amount: 0.08, unit: 'USD_PER_LB' }],
    });
    expect(valuationRequest({ ...form, grade: null })).toBeNull();
    expect(valuationRequest({ ...form, quantityUnit: 'DMT' })?.moisturePct).toBe(0);
    expect(valuationRequest({ ...form, tc: undefined, rc: null })).not.toHaveProperty('treatmentCharge');
  });

  it('captures the deal in the shape of POST /api/deals', () => {
    expect(captureRequest(form)).toEqual({
      counterpartyId: 'cp-1',
      direction: 'BUY',
      commodity: 'Copper concentrate',
      metal: 'Cu',
      quantity: { value: 1000, unit: 'WMT' },
      moisturePct: 8,
      assays: { Cu: { value: 25, unit: 'PCT' } },
      pricing: { basis: 'QP', qpStart: '2026-03-02', qpEnd: '2026-03-31', provisionalPrice: { value: 9000, unit: 'USD_PER_T' } },
      terms: {
        payables: [{ element: 'Cu', payablePct: 96.5, minDeductionUnits: 1 }],
        penalties: [],
        splittingLimits: [{ element: 'Cu', maxDifference: 0.2, unit: 'PCT' }],
        umpireRule: 'UMPIRE_RESULT_IF_BETWEEN',
        treatmentCharge: { usdPerDmt: 80 },
        refiningCharges: [{ element: 'Cu', amount: 0.08, unit: 'USD_PER_LB' }],
      },
      provisionalPct: 90,
      value: { amount: 1000000, currency: 'USD' },
    });
    expect(captureRequest({ ...form, basis: 'FIXED', fixedOn: '2026-03-15' }).pricing).toEqual({
      basis: 'FIXED',
      fixedOn: '2026-03-15',
      provisionalPrice: { value: 9000, unit: 'USD_PER_T' },
    });
  });

  it('puts the API\'s field errors on the form\'s fields', () => {
    expect(formFieldOf('quantity.value')).toBe('quantity');
    expect(formFieldOf('assays.Cu.unit')).toBe('grade');
    expect(formFieldOf('pricing.qpEnd')).toBe('qpEnd');
    expect(formFieldOf('terms.payables[0].payablePct')).toBe('payablePct');
    expect(formFieldOf('value.amount')).toBe('valueAmount');
    expect(formFieldOf('value.currency')).toBe('currency');
    expect(formFieldOf('prices.Cu')).toBe('provisionalPrice');
    expect(formFieldOf('terms.splittingLimits')).toBe('splittingLimit');
    expect(formFieldOf('logisticsDeadline')).toBeUndefined();
  });
});
