export interface Series {
  code: string;
  id: string;
  /** PRICE, FX, TC or RC */
  kind?: string;
  /** null for an FX series */
  metal: string | null;
  baseCurrency?: string | null;
  quoteCurrency?: string | null;
  market: string;
  unit: string;
  frequency: string;
  count: number;
  first: string | null;
  last: string | null;
  publisher: string | null;
  attribution: string | null;
}

export interface Fixing {
  date: string;
  value: number | string;
}

export interface ImportRecord {
  id: string;
  source: string;
  status: string;
  format: string | null;
  rowsRead: number;
  rowsInserted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  rowsFlagged: number;
  message: string | null;
  startedAt: string;
  startedBy: string;
}

export interface PreDeal {
  series: string | Record<string, unknown>;
  attribution: string | null;
  trend: { lastMonth: string; lastPrice: number; change3mPct: number; change12mPct: number; average12m: number };
  volatility: { returns: number; standardDeviation: number; periodsPerYear: number; annualised: number };
  forecast: { model: string; coverage: number; months: { month: string; horizon: number; point: number; lower: number; upper: number }[] };
  qpBand: { first: string; last: string; point: number; lower: number; upper: number; publishedMonths: number };
  sensitivities: { movePct: number; price: number; nsrPerDmt: number; lotValue: number; nsrChangePerDmt: number }[];
}
