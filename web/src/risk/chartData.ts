import type { Fixing, Series } from './types';

/** Prices as chart points (numbers for drawing only; the figures shown in text stay as sent). */
export function pricePoints(prices: Fixing[]): { date: string; value: number }[] {
  return prices
    .map((p) => ({ date: String(p.date), value: Number(p.value) }))
    .filter((p) => Number.isFinite(p.value))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The first date of a look-back window ending at `last` ("2025-11" or "2025-11-30"), as YYYY-MM-DD. */
export function windowStart(last: string | null, years: number | null): string | undefined {
  if (!last || years == null) return undefined;
  const [y, m, d] = last.split('-').map(Number);
  const start = new Date(Date.UTC(y - years, (m ?? 1) - 1, d ?? 1));
  return start.toISOString().slice(0, 10);
}

/** Headroom bars: used and free part of each counterparty's effective limit. */
export function headroomBars(
  credits: { name: string; effectiveLimit: number | string | null; utilisation: number | string | null; headroom: number | string | null }[],
): { name: string; used: number; free: number }[] {
  return credits
    .filter((c) => c.effectiveLimit != null)
    .map((c) => ({ name: c.name, used: Math.max(0, Number(c.utilisation ?? 0)), free: Math.max(0, Number(c.headroom ?? 0)) }));
}

/** A series as offered in a picker: `Cu · LME_CASH · USD_PER_T`, `FX EUR/USD · ECB`, `TC Cu · BENCHMARK · USD_PER_DMT`. */
export function seriesLabel(s: Series): string {
  if (s.kind === 'FX') return `FX ${s.baseCurrency}/${s.quoteCurrency} · ${s.market}`;
  const prefix = s.kind && s.kind !== 'PRICE' ? `${s.kind} ` : '';
  return `${prefix}${s.metal} · ${s.market} · ${s.unit}`;
}
