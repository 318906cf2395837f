/** The application's roles (the server's Roles.ALL) and what each part of the web app needs. */
export const ROLES = ['trader', 'desk-head', 'risk', 'compliance', 'legal', 'operations', 'auditor', 'admin'] as const;

/** Demo users of the embedded mode: one per role plus trader2; password = username. */
export const DEMO_USERS = ['trader', 'trader2', ...ROLES.slice(1)];

export const CAN = {
  /** POST /api/counterparties */
  createCounterparty: ['trader', 'compliance', 'admin'],
  /** POST /api/compliance/screenings */
  screen: ['compliance', 'trader', 'admin'],
  /** POST /api/pricing/**, pre-deal analysis */
  price: ['trader', 'desk-head', 'risk', 'operations', 'admin'],
  /** GET /api/process-instances/{key}/history */
  replay: ['auditor', 'admin', 'compliance', 'risk', 'desk-head'],
  /** GET /api/audit/verify */
  verifyAudit: ['auditor', 'admin'],
  /** POST /api/market-data/imports */
  importPrices: ['risk', 'admin'],
  /** GET /api/reports/** (SecurityConfiguration.REPORTS): positions, VaR, the reports screen */
  reports: ['risk', 'desk-head', 'compliance', 'auditor', 'admin'],
  /** The trading desk: deals */
  desk: ['trader', 'desk-head', 'risk', 'operations', 'admin', 'auditor', 'compliance', 'legal'],
  /** POST /api/deals */
  captureDeal: ['trader', 'admin'],
  /** PATCH /api/deals/{id}, POST /api/deals/{id}/cancel (own desk) */
  changeDeal: ['trader', 'desk-head', 'admin'],
  /** POST /api/deals/{id}/events/{event} */
  reportDealEvent: ['operations', 'trader', 'admin'],
  /** POST /api/copilot/chat */
  copilot: ['trader', 'desk-head', 'risk', 'operations', 'admin'],
} as const satisfies Record<string, readonly string[]>;

export type Capability = keyof typeof CAN;

export function can(roles: readonly string[], capability: Capability): boolean {
  return CAN[capability].some((role) => roles.includes(role));
}
