export interface Quantity {
  value: number | string;
  unit: string;
}

export interface DealTask {
  key: string;
  name: string | null;
  elementId: string;
  candidateGroups: string[];
  assignee: string | null;
  dueDate: string | null;
}

export interface DealActivity {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

export interface Deal {
  id: string;
  counterpartyId: string;
  counterpartyName?: string;
  direction: string;
  commodity: string;
  metal: string;
  quantity: Quantity;
  moisturePct: number | string | null;
  assays: Record<string, { value: number | string; unit: string }>;
  pricing: Record<string, unknown>;
  terms: Record<string, unknown>;
  provisionalPct: number | string;
  value: { amount: number | string; currency: string };
  logisticsDeadline?: string | null;
  desk: string | null;
  status: string;
  stage: string;
  capturedBy: string;
  capturedAt: string;
  amendedBy: string[];
  cancelledBy: string | null;
  cancelReason: string | null;
  processInstanceKey: string | null;
  report: Record<string, unknown> | null;
  version: number;
  openTasks: DealTask[];
  activity: DealActivity[];
}

export const STATUS_COLORS: Record<string, string> = {
  CAPTURED: 'blue',
  APPROVED: 'cyan',
  IN_EXECUTION: 'geekblue',
  SETTLING: 'purple',
  CLOSED: 'green',
  REJECTED: 'red',
  CANCELLING: 'orange',
  CANCELLED: 'default',
};

export interface ValuationLine {
  kind: string;
  element: string | null;
  quantity: number | string | null;
  unit: string | null;
  rate: number | string | null;
  rateUnit: string | null;
  amountPerDmt: number | string;
  amount: number | string;
  explanation: string;
}

export interface Valuation {
  wetTonnes: number | string;
  dryTonnes: number | string;
  nsrPerDmt: number | string;
  lotValue: number | string;
  currency: string;
  lines: ValuationLine[];
}
