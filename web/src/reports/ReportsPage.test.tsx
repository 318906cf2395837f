import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AuthProvider } from '../auth/AuthContext';
import { ReportsPage } from './ReportsPage';
import type { HedgeTradesReport, KycReport } from './types';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function signedIn(roles: string[]) {
  sessionStorage.setItem('openmineral.session', JSON.stringify({ token: 't', username: roles[0], roles, expiresAt: 4_000_000_000_000 }));
}

function renderAt(path: string) {
  return render(
    <AuthProvider>
      <MemoryRouter initialEntries={[path]}>
        <ReportsPage />
      </MemoryRouter>
    </AuthProvider>,
  );
}

const kyc: KycReport = {
  asOf: '2026-03-31',
  withinDays: 90,
  byStatus: { APPROVED: 12, PENDING: 2, REJECTED: 1 },
  byRiskRating: { HIGH: 1, LOW: 10, UNRATED: 4 },
  reviewsDue: [
    {
      counterpartyId: 'c0000000-0000-4000-8000-00000000000a',
      name: 'Atacama Cobre',
      country: 'CL',
      kycStatus: 'APPROVED',
      riskRating: 'HIGH',
      nextReviewDate: '2026-03-01',
      daysUntilReview: -30,
      overdue: true,
    },
  ],
};

const incomplete: HedgeTradesReport = {
  from: '2026-03-01',
  to: '2026-04-01',
  valid: false,
  rows: [],
  issues: [{ hedgeId: '9a8b7c6d-0000-4000-8000-000000000004', field: 'price', reason: 'no execution recorded: POST /api/hedges/{id}/execution' }],
};

describe('reports page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('is refused to roles that may not read reports, as the server refuses them', () => {
    signedIn(['trader']);
    vi.stubGlobal('fetch', vi.fn());
    renderAt('/reports');
    expect(screen.getByText('Reports are for risk, desk heads, compliance, auditors and admins.')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('opens the tab the address names: KYC statuses in onboarding order and the reviews due, linked', async () => {
    signedIn(['auditor']);
    const fetch = vi.fn().mockResolvedValue(json(200, kyc));
    vi.stubGlobal('fetch', fetch);
    renderAt('/reports?tab=kyc');
    const counts = await screen.findByTestId('kyc-status-counts');
    expect(within(counts).getAllByText(/pending|under review|approved|rejected|offboarded/).map((e) => e.textContent)).toEqual([
      'pending',
      'under review',
      'approved',
      'rejected',
      'offboarded',
    ]);
    expect(fetch.mock.calls[0][0]).toBe('/api/reports/kyc-reviews?withinDays=90');
    const reviews = screen.getByTestId('kyc-reviews');
    expect(within(reviews).getByRole('link', { name: 'Atacama Cobre' })).toHaveAttribute('href', '/counterparties/c0000000-0000-4000-8000-00000000000a');
    expect(within(reviews).getByText('30 days overdue')).toBeInTheDocument();
  });

  it('lists the findings of an incomplete trade report and offers no export', async () => {
    signedIn(['compliance']);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, incomplete)));
    renderAt('/reports?tab=hedge-trades');
    const findings = await screen.findByTestId('hedge-findings');
    expect(within(findings).getByText('Hedge 9a8b7c6d')).toBeInTheDocument();
    expect(within(findings).getByText('price')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download hedge trade report as CSV' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Download hedge trade report as PDF' })).toBeDisabled();
  });
});
