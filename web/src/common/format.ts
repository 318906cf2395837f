/** Money and quantities as the API sends them (exact decimals in JSON numbers or strings), for display. */
export function formatAmount(value: number | string | null | undefined, currency?: string | null, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  const text = number.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return currency ? `${text} ${currency}` : text;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.replace(/\[[^\]]*\]$/, ''));
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function formatPercent(share: number | string | null | undefined, digits = 1): string {
  if (share === null || share === undefined) return '—';
  const n = Number(share);
  return Number.isFinite(n) ? `${(n * 100).toFixed(digits)} %` : String(share);
}
