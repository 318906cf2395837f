/**
 * The JSON of the server's reports (api: org.openmineral.reporting, docs/reporting.md). Decimals
 * are BigDecimal on the server: JSON numbers (or strings), shown as sent and only turned into
 * numbers to draw charts.
 */
export type Decimal = number | string;

/** PnlLine (domain org.openmineral.domain.pnl): one figure with its inputs. */
export interface PnlLine {
  source: 'PHYSICAL' | 'HEDGE';
  state: 'REALISED' | 'UNREALISED';
  reference: string;
  direction: 'PURCHASE' | 'SALE';
  quantityTonnes: Decimal;
  entryPrice: Decimal;
  exitPrice: Decimal;
  exitPriceDate: string | null;
  exitPriceSource: string | null;
  amountUsd: Decimal;
  explanation: string;
}

/** PnlReport.Row: one deal. */
export interface PnlRow {
  dealId: string;
  counterpartyId: string | null;
  counterpartyName: string | null;
  metal: string;
  direction: string;
  status: string;
  desk: string | null;
  finalInvoiced: Decimal | null;
  paymentsMatched: Decimal | null;
  invoiceCurrency: string | null;
  realisedPhysical: Decimal;
  realisedHedges: Decimal;
  unrealisedPhysical: Decimal;
  unrealisedHedges: Decimal;
  realised: Decimal;
  unrealised: Decimal;
  total: Decimal;
  currency: string;
  lines: PnlLine[];
}

export interface PnlIssue {
  dealId: string | null;
  hedgeId: string | null;
  field: string;
  reason: string;
}

/** GET /api/reports/pnl (PnlReport.Report). */
export interface PnlReport {
  from: string | null;
  asOf: string;
  desk: string | null;
  market: string;
  currency: string;
  rows: PnlRow[];
  totals: { metal: string; deals: number; realised: Decimal; unrealised: Decimal; total: Decimal }[];
  realised: Decimal;
  unrealised: Decimal;
  total: Decimal;
  issues: PnlIssue[];
}

/** AgeingReport.Row: one invoice not settled. */
export interface AgeingRow {
  invoiceId: string;
  dealId: string | null;
  counterpartyId: string | null;
  counterpartyName: string | null;
  kind: string;
  side: 'RECEIVABLE' | 'PAYABLE' | 'UNKNOWN';
  issuedOn: string;
  ageDays: number;
  bucket: string;
  balance: Decimal;
  paid: Decimal;
  outstanding: Decimal;
  currency: string;
}

export interface AgeingBucketTotal {
  side: AgeingRow['side'];
  currency: string;
  bucket: string;
  invoices: number;
  outstanding: Decimal;
}

/** GET /api/reports/invoice-ageing (AgeingReport.Report). */
export interface AgeingReport {
  asOf: string;
  desk: string | null;
  rows: AgeingRow[];
  totals: AgeingBucketTotal[];
}

export interface KycReview {
  counterpartyId: string;
  name: string;
  country: string | null;
  kycStatus: string;
  riskRating: string | null;
  nextReviewDate: string;
  daysUntilReview: number;
  overdue: boolean;
}

/** GET /api/reports/kyc-reviews (KycReviewReport.Report). */
export interface KycReport {
  asOf: string;
  withinDays: number;
  byStatus: Record<string, number>;
  byRiskRating: Record<string, number>;
  reviewsDue: KycReview[];
}

export interface ProcessThroughput {
  bpmnProcessId: string;
  started: number;
  completed: number;
  terminated: number;
  active: number;
  p50Hours: Decimal | null;
  p90Hours: Decimal | null;
  incidents: number;
  incidentsResolved: number;
}

export interface TaskThroughput {
  bpmnProcessId: string;
  elementId: string;
  created: number;
  completed: number;
  canceled: number;
  open: number;
  withDueDate: number;
  completedLate: number;
  openOverdue: number;
  breaches: number;
  p50HoursToComplete: Decimal | null;
  p90HoursToComplete: Decimal | null;
}

/** GET /api/reports/process-throughput (ThroughputReport.Report). */
export interface ThroughputReport {
  from: string;
  to: string;
  asOf: string;
  processes: ProcessThroughput[];
  tasks: TaskThroughput[];
}

/** HedgeTradeReport.Row (domain org.openmineral.domain.reporting): EMIR-style fields. */
export interface HedgeTradeRow {
  uti: string;
  counterparty1: string;
  counterparty2: string;
  direction: 'BYER' | 'SLLR';
  assetClass: string;
  contractType: string;
  venueOfExecution: string;
  baseProduct: string;
  subProduct: string;
  contract: string;
  price: Decimal;
  priceCurrency: string;
  quantity: number;
  notionalQuantity: Decimal;
  quantityUnit: string;
  notionalAmount: Decimal;
  notionalCurrency: string;
  executionTimestamp: string;
  actionType: string;
  eventType: string;
  hedgeId: string;
  dealId: string | null;
}

export interface HedgeTradeIssue {
  hedgeId: string;
  field: string;
  reason: string;
}

/** GET /api/reports/hedge-trades (ReportsController.HedgeTrades). */
export interface HedgeTradesReport {
  from: string;
  to: string;
  valid: boolean;
  rows: HedgeTradeRow[];
  issues: HedgeTradeIssue[];
}
