/** The deal capture form's values (numbers as typed; the server reads them as exact decimals). */
export interface DealForm {
  counterpartyId?: string;
  direction: 'BUY' | 'SELL';
  commodity: string;
  metal: string;
  quantity?: number | null;
  quantityUnit: 'WMT' | 'DMT';
  moisturePct?: number | null;
  grade?: number | null;
  basis: 'QP' | 'FIXED';
  qpStart?: string;
  qpEnd?: string;
  fixedOn?: string;
  provisionalPrice?: number | null;
  payablePct?: number | null;
  minDeductionUnits?: number | null;
  tc?: number | null;
  rc?: number | null;
  provisionalPct?: number | null;
  splittingLimit?: number | null;
  umpireRule: string;
  valueAmount?: number | null;
  currency: string;
}

const RC_UNIT: Record<string, string> = { Cu: 'USD_PER_LB', Au: 'USD_PER_OZT', Ag: 'USD_PER_OZT' };

function present(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && !Number.isNaN(v);
}

/**
 * POST /api/pricing/valuations for the lot as typed so far, or null while a figure the valuation
 * needs (quantity, grade, payable %, price) is missing. A dry quantity is valued as wet tonnes with
 * no moisture.
 */
export function valuationRequest(f: DealForm): Record<string, unknown> | null {
  if (!present(f.quantity) || !present(f.grade) || !present(f.payablePct) || !present(f.provisionalPrice)) return null;
  const dry = f.quantityUnit === 'DMT';
  const request: Record<string, unknown> = {
    wetTonnes: f.quantity,
    moisturePct: dry ? 0 : (f.moisturePct ?? 0),
    assays: { [f.metal]: { value: f.grade, unit: 'PCT' } },
    payables: [{ element: f.metal, payablePct: f.payablePct, ...(present(f.minDeductionUnits) ? { minDeductionUnits: f.minDeductionUnits } : {}) }],
    prices: { [f.metal]: { value: f.provisionalPrice, unit: 'USD_PER_T' } },
  };
  if (present(f.tc)) request.treatmentCharge = { usdPerDmt: f.tc };
  if (present(f.rc)) request.refiningCharges = [{ element: f.metal, amount: f.rc, unit: RC_UNIT[f.metal] ?? 'USD_PER_T' }];
  return request;
}

/** POST /api/deals from the form. */
export function captureRequest(f: DealForm): Record<string, unknown> {
  const terms: Record<string, unknown> = {
    payables: [{ element: f.metal, payablePct: f.payablePct, ...(present(f.minDeductionUnits) ? { minDeductionUnits: f.minDeductionUnits } : {}) }],
    penalties: [],
    splittingLimits: present(f.splittingLimit) ? [{ element: f.metal, maxDifference: f.splittingLimit, unit: 'PCT' }] : [],
    umpireRule: f.umpireRule,
  };
  if (present(f.tc)) terms.treatmentCharge = { usdPerDmt: f.tc };
  if (present(f.rc)) terms.refiningCharges = [{ element: f.metal, amount: f.rc, unit: RC_UNIT[f.metal] ?? 'USD_PER_T' }];
  const pricing: Record<string, unknown> =
    f.basis === 'QP' ? { basis: 'QP', qpStart: f.qpStart, qpEnd: f.qpEnd } : { basis: 'FIXED', fixedOn: f.fixedOn };
  if (present(f.provisionalPrice)) pricing.provisionalPrice = { value: f.provisionalPrice, unit: 'USD_PER_T' };
  return {
    counterpartyId: f.counterpartyId,
    direction: f.direction,
    commodity: f.commodity,
    metal: f.metal,
    quantity: { value: f.quantity, unit: f.quantityUnit },
    ...(f.quantityUnit === 'WMT' && present(f.moisturePct) ? { moisturePct: f.moisturePct } : {}),
    assays: { [f.metal]: { value: f.grade, unit: 'PCT' } },
    pricing,
    terms,
    ...(present(f.provisionalPct) ? { provisionalPct: f.provisionalPct } : {}),
    value: { amount: f.valueAmount, currency: f.currency },
  };
}

/**
 * Where a problem of POST /api/deals points in the form: the API names fields of the request
 * ("quantity.value", "assays.Cu.value", "pricing.qpEnd", "terms.payables.payablePct", "value.amount").
 */
export function formFieldOf(apiField: string): keyof DealForm | undefined {
  const f = apiField.replace(/\[\d+\]/g, '');
  if (f.startsWith('counterparty')) return 'counterpartyId';
  if (f === 'direction') return 'direction';
  if (f === 'commodity') return 'commodity';
  if (f === 'metal') return 'metal';
  if (f.startsWith('quantity.unit')) return 'quantityUnit';
  if (f.startsWith('quantity')) return 'quantity';
  if (f === 'moisturePct') return 'moisturePct';
  if (f.startsWith('assays')) return 'grade';
  if (f === 'pricing.qpStart') return 'qpStart';
  if (f === 'pricing.qpEnd') return 'qpEnd';
  if (f === 'pricing.fixedOn') return 'fixedOn';
  if (f.startsWith('pricing.provisionalPrice')) return 'provisionalPrice';
  if (f.startsWith('pricing')) return 'basis';
  if (f.endsWith('payablePct')) return 'payablePct';
  if (f.endsWith('minDeductionUnits')) return 'minDeductionUnits';
  if (f.includes('treatmentCharge')) return 'tc';
  if (f.includes('refiningCharges')) return 'rc';
  if (f.includes('splittingLimits')) return 'splittingLimit';
  if (f.includes('umpireRule')) return 'umpireRule';
  if (f === 'provisionalPct') return 'provisionalPct';
  if (f === 'value.currency') return 'currency';
  if (f.startsWith('value')) return 'valueAmount';
  // valuation fields
  if (f === 'wetTonnes') return 'quantity';
  if (f.startsWith('payables')) return 'payablePct';
  if (f.startsWith('prices')) return 'provisionalPrice';
  return undefined;
}
