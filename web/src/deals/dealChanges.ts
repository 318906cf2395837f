import { ApiError, fieldErrors, type Problem } from '../api/problem';
import type { Deal } from './types';

/**
 * The amendment form's values: the deal's amendable terms as the page shows them (numbers as
 * typed; the server reads them as exact decimals).
 */
export interface AmendForm {
  quantity?: number | string | null;
  quantityUnit: string;
  moisturePct?: number | string | null;
  grade?: number | string | null;
  basis: string;
  qpStart?: string | null;
  qpEnd?: string | null;
  fixedOn?: string | null;
  provisionalPrice?: number | string | null;
  provisionalPct?: number | string | null;
  valueAmount?: number | string | null;
  currency: string;
  logisticsDeadline?: string | null;
}

type Figure = { value: number | string; unit: string };

function present(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '' && !(typeof v === 'number' && Number.isNaN(v));
}

/**
 * Whether two decimals are the same number, compared as decimal text ("90" = "90.00" = 90),
 * never through binary floating point.
 */
export function sameDecimal(a: unknown, b: unknown): boolean {
  if (!present(a) || !present(b)) return !present(a) && !present(b);
  return canonical(String(a)) === canonical(String(b));
}

function canonical(text: string): string {
  const t = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!match) return t;
  const integer = match[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const zero = /^0*$/.test(integer + fraction);
  return `${zero ? '' : match[1] === '-' ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

function price(deal: Deal): Figure | undefined {
  return deal.pricing.provisionalPrice as Figure | undefined;
}

/** The form filled with the deal's current terms. */
export function amendFormOf(deal: Deal): AmendForm {
  return {
    quantity: deal.quantity.value,
    quantityUnit: deal.quantity.unit,
    moisturePct: deal.moisturePct,
    grade: deal.assays[deal.metal]?.value ?? null,
    basis: String(deal.pricing.basis ?? 'QP'),
    qpStart: (deal.pricing.qpStart as string | undefined) ?? null,
    qpEnd: (deal.pricing.qpEnd as string | undefined) ?? null,
    fixedOn: (deal.pricing.fixedOn as string | undefined) ?? null,
    provisionalPrice: price(deal)?.value ?? null,
    provisionalPct: deal.provisionalPct,
    valueAmount: deal.value.amount,
    currency: deal.value.currency,
    logisticsDeadline: deal.logisticsDeadline ?? null,
  };
}

/**
 * PATCH /api/deals/{id}: only the terms the form changed, each whole as the API replaces it
 * (pricing and assays keep what the form does not show). Empty when nothing changed.
 */
export function amendRequest(deal: Deal, f: AmendForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const before = amendFormOf(deal);
  if (!sameDecimal(f.quantity, before.quantity) || f.quantityUnit !== before.quantityUnit) {
    body.quantity = { value: f.quantity, unit: f.quantityUnit };
  }
  if (!sameDecimal(f.moisturePct ?? 0, before.moisturePct ?? 0)) body.moisturePct = f.moisturePct ?? 0;
  if (!sameDecimal(f.grade, before.grade)) {
    const assay = deal.assays[deal.metal];
    body.assays = { ...deal.assays, [deal.metal]: { value: f.grade, unit: assay?.unit ?? 'PCT' } };
  }
  const pricingChanged =
    f.basis !== before.basis ||
    (f.basis === 'QP' ? f.qpStart !== before.qpStart || f.qpEnd !== before.qpEnd : f.fixedOn !== before.fixedOn) ||
    !sameDecimal(f.provisionalPrice, before.provisionalPrice);
  if (pricingChanged) {
    const pricing: Record<string, unknown> =
      f.basis === 'QP' ? { basis: 'QP', qpStart: f.qpStart, qpEnd: f.qpEnd } : { basis: 'FIXED', fixedOn: f.fixedOn };
    if (present(f.provisionalPrice)) {
      pricing.provisionalPrice = { value: f.provisionalPrice, unit: price(deal)?.unit ?? 'USD_PER_T' };
    }
    body.pricing = pricing;
  }
  if (!sameDecimal(f.provisionalPct, before.provisionalPct)) body.provisionalPct = f.provisionalPct;
  if (!sameDecimal(f.valueAmount, before.valueAmount) || f.currency !== before.currency) {
    body.value = { amount: f.valueAmount, currency: f.currency };
  }
  if ((f.logisticsDeadline || null) !== (before.logisticsDeadline || null)) body.logisticsDeadline = f.logisticsDeadline;
  return body;
}

/** The amendment form's field for a field the API names ("pricing.qpEnd" → qpEnd), if it has one. */
export function amendFieldOf(field: string, metal: string): keyof AmendForm | undefined {
  if (field === 'quantity' || field === 'quantity.value') return 'quantity';
  if (field === 'quantity.unit') return 'quantityUnit';
  if (field === 'moisturePct') return 'moisturePct';
  if (field === 'assays' || field === `assays.${metal}` || field.startsWith(`assays.${metal}.`)) return 'grade';
  if (field === 'pricing.basis') return 'basis';
  if (field === 'pricing.qpStart') return 'qpStart';
  if (field === 'pricing.qpEnd') return 'qpEnd';
  if (field === 'pricing.fixedOn') return 'fixedOn';
  if (field.startsWith('pricing.provisionalPrice')) return 'provisionalPrice';
  if (field === 'provisionalPct') return 'provisionalPct';
  if (field === 'value' || field === 'value.amount') return 'valueAmount';
  if (field === 'value.currency') return 'currency';
  if (field === 'logisticsDeadline') return 'logisticsDeadline';
  return undefined;
}

/**
 * A problem's field errors placed on the form's fields (`fieldOf` maps the API's names), and what
 * no field shows (to be shown above the form).
 */
export function placeProblem<F extends string>(
  problem: Problem | undefined,
  fieldOf: (apiField: string) => F | undefined,
): { fields: { name: F; errors: string[] }[]; other: string[] } {
  const fields: { name: F; errors: string[] }[] = [];
  const other: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors(problem))) {
    const name = fieldOf(field);
    if (name) fields.push({ name, errors: [message] });
    else other.push(`${field}: ${message}`);
  }
  return { fields, other };
}

/** Whether the server refused because the deal changed since it was read (409 stale-version). */
export function isStaleVersion(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  const type = String(error.problem.type ?? '');
  return type.endsWith('/stale-version') || error.problem.currentVersion !== undefined;
}

/** The If-Match header of a change to the deal as read (its ETag). */
export function ifMatch(deal: Deal): Record<string, string> {
  return { 'If-Match': `"${deal.version}"` };
}

/** A field of a business event's form. */
export interface EventField {
  /** the form's name (and the API's, but for assays) */
  name: string;
  label: string;
  kind: 'text' | 'date' | 'decimal' | 'assay' | 'choice';
  required?: boolean;
  /** a choice's values and their labels */
  options?: { value: string; label: string }[];
}

/** A business event the deals API accepts (POST /api/deals/{id}/events/{event}). */
export interface DealEventKind {
  event: string;
  label: string;
  fields: EventField[];
}

/** The five business events of docs/deals.md, with the data each carries. */
export const DEAL_EVENTS: DealEventKind[] = [
  {
    event: 'vessel-nominated',
    label: 'Vessel nominated',
    fields: [
      { name: 'vesselName', label: 'Vessel name', kind: 'text', required: true },
      { name: 'imo', label: 'IMO number (7 digits)', kind: 'text' },
      { name: 'laycanStart', label: 'Laycan start', kind: 'date' },
      { name: 'laycanEnd', label: 'Laycan end', kind: 'date' },
    ],
  },
  {
    event: 'bill-of-lading-issued',
    label: 'Bill of lading issued',
    fields: [
      { name: 'billOfLadingNumber', label: 'B/L number', kind: 'text', required: true },
      { name: 'issuedOn', label: 'Issued on', kind: 'date' },
      { name: 'quantityWmt', label: 'Quantity (wmt)', kind: 'decimal' },
    ],
  },
  {
    event: 'arrived',
    label: 'Arrived',
    fields: [
      { name: 'port', label: 'Port', kind: 'text' },
      { name: 'arrivedOn', label: 'Arrived on', kind: 'date' },
    ],
  },
  {
    event: 'assays-received',
    label: 'Assays received',
    fields: [
      { name: 'sellerAssay', label: "Seller's assay", kind: 'assay', required: true },
      { name: 'buyerAssay', label: "Buyer's assay", kind: 'assay', required: true },
      { name: 'finalWetTonnes', label: 'Final wet tonnes', kind: 'decimal' },
      { name: 'finalMoisturePct', label: 'Final moisture %', kind: 'decimal' },
    ],
  },
  {
    event: 'payment-received',
    label: 'Payment received',
    fields: [
      {
        name: 'invoice',
        label: 'Against invoice',
        kind: 'choice',
        required: true,
        options: [
          { value: 'PROVISIONAL', label: 'Provisional invoice' },
          { value: 'FINAL', label: 'Final invoice' },
        ],
      },
      { name: 'amount', label: 'Amount (USD)', kind: 'decimal', required: true },
    ],
  },
];

/**
 * The body of a business event from its form: empty fields left out, the seller's and buyer's
 * assays of the deal's metal in the unit of its captured assay.
 */
export function eventRequest(deal: Deal, event: string, values: Record<string, unknown>): Record<string, unknown> {
  const kind = DEAL_EVENTS.find((e) => e.event === event);
  if (!kind) throw new Error(`unknown deal event ${event}`);
  const unit = deal.assays[deal.metal]?.unit ?? 'PCT';
  const body: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const value = values[field.name];
    if (!present(value)) continue;
    if (field.kind === 'assay') {
      body[field.name === 'sellerAssay' ? 'sellerAssays' : 'buyerAssays'] = { [deal.metal]: { value, unit } };
    } else if (field.kind === 'text') {
      body[field.name] = String(value).trim();
    } else {
      body[field.name] = value;
    }
  }
  if (event === 'payment-received') body.currency = 'USD';
  return body;
}

/** The event form's field for a field the API names ("sellerAssays.Cu.value" → sellerAssay). */
export function eventFieldOf(event: string, field: string): string | undefined {
  if (field.startsWith('sellerAssays')) return 'sellerAssay';
  if (field.startsWith('buyerAssays')) return 'buyerAssay';
  const kind = DEAL_EVENTS.find((e) => e.event === event);
  return kind?.fields.some((f) => f.name === field) ? field : undefined;
}

/**
 * One form submission with its idempotency key: the key is made when the form opens and kept until
 * the server accepted the submission, so a double click or a retry after a lost answer sends the
 * same key (the server publishes the event once); while a submission is on its way, another
 * submit joins it instead of sending again.
 */
export class Submission {
  private current: string;
  private pending: Promise<unknown> | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {
    this.current = newKey();
  }

  get key(): string {
    return this.current;
  }

  /** Sends with the submission's key; a second call while the first is on its way gets its promise. */
  send<T>(request: (key: string) => Promise<T>): Promise<T> {
    if (this.pending) return this.pending as Promise<T>;
    const sent = request(this.current).then(
      (result) => {
        this.current = this.newKey();
        return result;
      },
    );
    this.pending = sent;
    const clear = () => {
      if (this.pending === sent) this.pending = null;
    };
    sent.then(clear, clear);
    return sent;
  }

  /** A new key: the next submission is another event (the form was reset). */
  renew(): void {
    this.current = this.newKey();
  }
}
