import { cloneElement, isValidElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { PnlTab } from './PnlTab';
import { pnlFixture } from './testReports';

// jsdom lays nothing out, so a ResponsiveContainer would measure 0 x 0 and draw nothing: give the chart a size
vi.mock('recharts', async (original) => {
  const recharts = await original<typeof import('recharts')>();
  return {
    ...recharts,
    ResponsiveContainer: ({ children }: { children: ReactNode }) =>
      isValidElement(children) ? cloneElement(children as React.ReactElement<{ width: number; height: number }>, { width: 800, height: 400 }) : null,
  };
});

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const counterparties = { items: [{ id: 'c0000000-0000-4000-8000-00000000000a', name: 'Atacama Cobre' }], page: 0, size: 100, totalItems: 1, totalPages: 1 };

function serve(pnl: () => Response) {
  const fetch = vi.fn().mockImplementation((url: string) => Promise.resolve(url.startsWith('/api/counterparties') ? json(200, counterparties) : pnl()));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderTab() {
  return render(
    <MemoryRouter>
      <PnlTab />
    </MemoryRouter>,
  );
}

describe('P&L tab', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('shows the totals, a bar per deal, the deals linked to their pages and the issues', async () => {
    const fetch = serve(() => json(200, pnlFixture));
    const { container } = renderTab();

    const summary = await screen.findByTestId('pnl-summary');
    expect(within(summary).getByText('110,975.00 USD')).toBeInTheDocument();
    expect(within(summary).getByText('-52,750.50 USD')).toBeInTheDocument();
    expect(within(summary).getByText('58,224.50 USD')).toBeInTheDocument();
    expect(fetch.mock.calls.map(([url]) => url)).toContain('/api/reports/pnl');

    const chart = screen.getByTestId('pnl-chart');
    expect(chart).toHaveAttribute('aria-label', 'Realised and unrealised P&L of 2 deals in USD');
    expect(chart.querySelector('svg')).not.toBeNull();
    // realised and unrealised per deal; the zinc deal has no realised bar (zero height)
    await waitFor(() => expect(container.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThanOrEqual(3));
    expect(within(chart).getByText('3f1c2a10 Cu')).toBeInTheDocument();

    const deals = screen.getByTestId('pnl-deals');
    expect(within(deals).getByRole('link', { name: '3f1c2a10' })).toHaveAttribute('href', '/deals/3f1c2a10-0000-4000-8000-000000000001');
    expect(within(deals).getByRole('link', { name: 'Nordic Zinc' })).toHaveAttribute('href', '/counterparties/c0000000-0000-4000-8000-00000000000b');
    expect(within(deals).getByText('98,475.00 USD')).toBeInTheDocument();

    const issues = screen.getByTestId('pnl-issues');
    expect(within(issues).getByText('pricing.provisionalPrice')).toBeInTheDocument();
    expect(within(issues).getByRole('link', { name: 'e4d3c2b1' })).toHaveAttribute('href', '/deals/e4d3c2b1-0000-4000-8000-000000000005');
  });

  it('lists every line with its inputs in the lines view', async () => {
    serve(() => json(200, pnlFixture));
    renderTab();
    await screen.findByTestId('pnl-deals');
    await userEvent.click(screen.getByText('Every line'));
    const lines = await screen.findByTestId('pnl-lines');
    expect(within(lines).getByText('+1 x 221.9500 t x (9500 - 9000) USD/t = 110975.00 USD')).toBeInTheDocument();
    expect(within(lines).getByText('2026-02-28 · Cu/WORLD_BANK_PINK_SHEET/USD_PER_T')).toBeInTheDocument();
    expect(within(lines).getAllByRole('row')).toHaveLength(4); // header and three lines
  });

  it('says so when no deal has a P&L', async () => {
    serve(() => json(200, { ...pnlFixture, rows: [], totals: [], issues: [], realised: 0, unrealised: 0, total: 0 }));
    renderTab();
    expect(await screen.findByText('No deal with a P&L as of 2026-03-31')).toBeInTheDocument();
    expect(screen.queryByTestId('pnl-chart')).toBeNull();
  });

  it('shows the problem the server answers', async () => {
    serve(() =>
      json(400, { status: 400, title: 'Invalid input', detail: "'Xx' is not an element symbol", field: 'metal' }, 'application/problem+json'),
    );
    renderTab();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid input');
    expect(alert).toHaveTextContent('(field: metal)');
  });

  it('downloads the CSV of the view shown with the bearer token', async () => {
    sessionStorage.setItem(
      'openmineral.session',
      JSON.stringify({ token: 'token-9', username: 'risk', roles: ['risk'], expiresAt: 4_000_000_000_000 }),
    );
    const fetch = vi.fn().mockImplementation((url: string) =>
      Promise.resolve(
        url.startsWith('/api/counterparties')
          ? json(200, counterparties)
          : url.includes('format=csv')
            ? new Response('dealId,total\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="pnl-lines-2026-03-31.csv"' } })
            : json(200, pnlFixture),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = vi.fn().mockReturnValue('blob:pnl');
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    try {
      renderTab();
      await screen.findByTestId('pnl-deals');
      await userEvent.click(screen.getByText('Every line'));
      await userEvent.click(screen.getByRole('button', { name: 'Download P&L as CSV' }));
      await waitFor(() => expect(saved).toEqual(['pnl-lines-2026-03-31.csv']));
      const [url, init] = fetch.mock.calls.find(([u]) => String(u).includes('format=csv'))!;
      expect(url).toBe('/api/reports/pnl?view=lines&format=csv');
      expect(init.headers.Authorization).toBe('Bearer token-9');
    } finally {
      click.mockRestore();
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });
});
