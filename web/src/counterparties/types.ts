export interface Money {
  amount: number | string;
  currency: string;
}

export interface Counterparty {
  id: string;
  name: string;
  type: string;
  country: string;
  ultimateBeneficialOwners: string[];
  ownershipDisclosed: boolean;
  kycStatus: string;
  riskRating: string | null;
  nextReviewDate: string | null;
  creditLimit: Money | null;
  onboardingProcessInstanceKey: string | null;
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface Kyc {
  counterpartyId: string;
  kycStatus: string;
  riskRating: string | null;
  nextReviewDate: string | null;
  latestScreeningDecision: string | null;
  recordedAt: string | null;
  onboardingProcessInstanceKey: string | null;
  history: {
    kycStatus: string;
    riskRating: string | null;
    screeningDecision: string | null;
    nextReviewDate: string | null;
    elementId: string;
    processInstanceKey: string;
    recordedAt: string;
  }[];
}

export interface Credit {
  counterpartyId: string;
  currency: string | null;
  limit: number | null;
  expiry: string | null;
  effectiveLimit: number | null;
  openInvoices: number | null;
  reserved: number | null;
  utilisation: number | null;
  headroom: number | null;
  utilisationShare: number | null;
  lines: { kind: string; ref: string; amount: number; counted: number; note: string | null }[];
  invoicesInOtherCurrencies: string[];
}

export interface ScreeningMatch {
  entryId: string;
  name: string;
  matchedName: string;
  score: number;
  list: string;
  type: string | null;
  reason: string;
}

export interface Screening {
  decision: string;
  matches: ScreeningMatch[];
}

export const KYC_COLORS: Record<string, string> = {
  PENDING: 'default',
  UNDER_REVIEW: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  OFFBOARDED: 'default',
};

export const SCREENING_COLORS: Record<string, string> = { CLEAR: 'green', REVIEW: 'gold', POTENTIAL_MATCH: 'gold', BLOCKED: 'red', MATCH: 'red' };
