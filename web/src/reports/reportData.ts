import type { AgeingBucketTotal, Decimal, HedgeTradeIssue, PnlLine, PnlRow, TaskThroughput } from './types';

/** The server's ageing buckets in age order (AgeingReport.BUCKETS). */
export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export const AGEING_SIDES = ['RECEIVABLE', 'PAYABLE', 'UNKNOWN'] as const;
/** KycStatus in the order of the onboarding. */
export const KYC_STATUSES = ['PENDING', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'OFFBOARDED'] as const;
/** The ratings of kyc-risk-rating.dmn, UNRATED (none yet) last. */
export const RISK_RATINGS = ['LOW', 'MEDIUM', 'HIGH', 'PROHIBITED', 'UNRATED'] as const;

/** A report's address with its filters; empty filters are left out so the server's defaults apply. */
export function reportPath(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') query.set(name, text);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The first block of a UUID, short enough for a chart axis. */
export function shortId(id: string): string {
  return id.split('-')[0] ?? id;
}

/**
 * The exact sum of decimals as the API sends them (no binary floating point: 0.1 + 0.2 = 0.3),
 * with as many decimal places as the most precise term.
 */
export function sumDecimals(values: readonly Decimal[]): string {
  const parsed = values.map((v) => {
    const text = String(v).trim();
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`not a decimal: ${text}`);
    return { negative: match[1] === '-', whole: match[2] || '0', fraction: match[3] ?? '' };
  });
  const scale = Math.max(0, ...parsed.map((p) => p.fraction.length));
  let sum = 0n;
  for (const p of parsed) {
    const units = BigInt(p.whole + p.fraction.padEnd(scale, '0'));
    sum += p.negative ? -units : units;
  }
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

export interface PnlBar {
  dealId: string;
  label: string;
  counterparty: string;
  realised: number;
  unrealised: number;
  total: number;
}

/** Bars of the P&L chart: realised and unrealised (stacked) per deal, largest total first. */
export function pnlBars(rows: readonly PnlRow[]): PnlBar[] {
  return rows
    .map((r) => ({
      dealId: r.dealId,
      label: `${shortId(r.dealId)} ${r.metal}`,
      counterparty: r.counterpartyName ?? '',
      realised: Number(r.realised),
      unrealised: Number(r.unrealised),
      total: Number(r.total),
    }))
    .sort((a, b) => b.total - a.total || a.dealId.localeCompare(b.dealId));
}

export type PnlLineRow = PnlLine & { key: string; dealId: string };

/** Every line of every deal, for the lines view (the CSV's view=lines), keyed for a table. */
export function pnlLineRows(rows: readonly PnlRow[]): PnlLineRow[] {
  return rows.flatMap((r) =>
    r.lines.map((line, index) => ({ ...line, dealId: r.dealId, key: `${r.dealId}-${index}` })),
  );
}

/** The currencies of the ageing totals, alphabetically (each chart shows one). */
export function ageingCurrencies(totals: readonly AgeingBucketTotal[]): string[] {
  return [...new Set(totals.map((t) => t.currency))].sort();
}

export type AgeingBar = { bucket: string } & Record<(typeof AGEING_SIDES)[number], number>;

/** Outstanding per bucket (in age order, empty buckets kept) and side, of one currency. */
export function ageingBars(totals: readonly AgeingBucketTotal[], currency: string): AgeingBar[] {
  return AGEING_BUCKETS.map((bucket) => {
    const bar: AgeingBar = { bucket, RECEIVABLE: 0, PAYABLE: 0, UNKNOWN: 0 };
    for (const side of AGEING_SIDES) {
      const inBucket = totals.filter((t) => t.currency === currency && t.bucket === bucket && t.side === side);
      bar[side] = inBucket.length ? Number(sumDecimals(inBucket.map((t) => t.outstanding))) : 0;
    }
    return bar;
  });
}

export interface AgeingSummary {
  side: string;
  currency: string;
  invoices: number;
  outstanding: string;
}

/** Invoices and outstanding per side and currency over all buckets (exact sums). */
export function ageingSummary(totals: readonly AgeingBucketTotal[]): AgeingSummary[] {
  const groups = new Map<string, AgeingBucketTotal[]>();
  for (const t of totals) {
    const key = `${t.side}|${t.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()]
    .map((group) => ({
      side: group[0].side,
      currency: group[0].currency,
      invoices: group.reduce((n, t) => n + t.invoices, 0),
      outstanding: sumDecimals(group.map((t) => t.outstanding)),
    }))
    .sort(
      (a, b) =>
        AGEING_SIDES.indexOf(a.side as (typeof AGEING_SIDES)[number]) - AGEING_SIDES.indexOf(b.side as (typeof AGEING_SIDES)[number]) ||
        a.currency.localeCompare(b.currency),
    );
}

/** Counts of a report's map in a known order (others after it, alphabetically), zeros of the known ones kept. */
export function orderedCounts(counts: Record<string, number>, order: readonly string[]): { key: string; count: number }[] {
  const known = order.map((key) => ({ key, count: counts[key] ?? 0 }));
  const others = Object.keys(counts)
    .filter((key) => !order.includes(key))
    .sort()
    .map((key) => ({ key, count: counts[key] }));
  return [...known, ...others];
}

export interface TaskBar {
  label: string;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  breaches: number;
}

/**
 * The SLA chart of the user tasks: completed on time and late, open in time and overdue (stacked:
 * together the tasks not canceled), most breaches first.
 */
export function taskBars(tasks: readonly TaskThroughput[]): TaskBar[] {
  return tasks
    .map((t) => ({
      label: `${t.bpmnProcessId} · ${t.elementId}`,
      onTime: t.completed - t.completedLate,
      late: t.completedLate,
      open: t.open - t.openOverdue,
      overdue: t.openOverdue,
      breaches: t.breaches,
    }))
    .sort((a, b) => b.breaches - a.breaches || a.label.localeCompare(b.label));
}

/** SLA breaches over all tasks: completed late plus open overdue. */
export function totalBreaches(tasks: readonly TaskThroughput[]): number {
  return tasks.reduce((n, t) => n + t.breaches, 0);
}

/** The trade report's findings grouped by hedge, in the order the hedges first appear. */
export function findingsByHedge(issues: readonly HedgeTradeIssue[]): { hedgeId: string; findings: HedgeTradeIssue[] }[] {
  const groups = new Map<string, HedgeTradeIssue[]>();
  for (const issue of issues) groups.set(issue.hedgeId, [...(groups.get(issue.hedgeId) ?? []), issue]);
  return [...groups.entries()].map(([hedgeId, findings]) => ({ hedgeId, findings }));
}
