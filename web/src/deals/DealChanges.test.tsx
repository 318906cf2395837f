import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DealAmendment } from './DealAmendment';
import { DealDocuments } from './DealDocuments';
import { DealEvents } from './DealEvents';
import { approvedDeal } from './testDeal';

const deal = approvedDeal;

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('business event form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a double click once, with an idempotency key, and says the event was reported', async () => {
    let answer: (r: Response) => void = () => {};
    const fetch = vi.fn().mockImplementation(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetch);
    const reported = vi.fn();
    render(<DealEvents deal={deal} onReported={reported} />);
    await userEvent.type(screen.getByLabelText('Vessel name'), 'MV Atacama');
    const button = screen.getByRole('button', { name: 'Report vessel nominated' });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/deals/d-1/events/vessel-nominated');
    expect(JSON.parse(init.body)).toEqual({ vesselName: 'MV Atacama' });
    expect(init.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    answer(json(202, { dealId: 'd-1', event: 'vessel-nominated', eventKey: 'k', messageId: 'vessel-nominated:d-1:k', duplicate: false }));
    expect(await screen.findByText('Vessel nominated: reported to the process')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(reported).toHaveBeenCalledTimes(1);
  });

  it('shows a problem naming a field on that field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        json(400, { status: 400, title: 'Invalid input', detail: "must be the vessel's 7-digit IMO number", field: 'imo' }, 'application/problem+json'),
      ),
    );
    render(<DealEvents deal={deal} onReported={() => {}} />);
    await userEvent.type(screen.getByLabelText('Vessel name'), 'MV Atacama');
    await userEvent.type(screen.getByLabelText('IMO number (7 digits)'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Report vessel nominated' }));
    expect(await screen.findByText("must be the vessel's 7-digit IMO number")).toBeInTheDocument();
  });
});

describe('payment form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks which invoice the payment is for and sends it with the amount in USD', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(json(202, { dealId: 'd-1', event: 'payment-received', eventKey: 'k', messageId: 'm', duplicate: false }));
    vi.stubGlobal('fetch', fetch);
    render(<DealEvents deal={deal} onReported={() => {}} />);
    await userEvent.click(screen.getByText('Payment received'));
    await userEvent.type(screen.getByLabelText('Amount (USD)'), '1687191.80');
    await userEvent.click(screen.getByRole('button', { name: 'Report payment received' }));
    expect(await screen.findByText('Against invoice is required')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();

    await userEvent.click(screen.getByText('Provisional invoice'));
    await userEvent.click(screen.getByRole('button', { name: 'Report payment received' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/deals/d-1/events/payment-received');
    expect(JSON.parse(init.body)).toEqual({ invoice: 'PROVISIONAL', amount: '1687191.8', currency: 'USD' });
  });
});

describe('amendment form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the changed value with the version read, and offers a reload when the deal changed meanwhile', async () => {
    const fetch = vi.fn().mockResolvedValue(
      json(
        409,
        {
          type: 'https://openmineral.org/problems/stale-version',
          status: 409,
          title: 'Conflict',
          detail: 'Deal d-1 is at version 4, not 3',
          currentVersion: 4,
        },
        'application/problem+json',
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const changed = vi.fn();
    render(<DealAmendment deal={deal} onChanged={changed} />);
    await userEvent.click(screen.getByRole('button', { name: 'Amend terms' }));
    const value = await screen.findByLabelText('Deal value');
    fireEvent.change(value, { target: { value: '1200000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send amendment' }));
    expect(await screen.findByText('The deal changed since you opened it')).toBeInTheDocument();
    expect(screen.getByText(/at version 4 now/)).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/deals/d-1');
    expect(init.method).toBe('PATCH');
    expect(init.headers['If-Match']).toBe('"3"');
    expect(JSON.parse(init.body)).toEqual({ value: { amount: '1200000', currency: 'USD' } });
    await userEvent.click(screen.getByRole('button', { name: 'Reload the deal' }));
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('deal documents', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the documents and downloads one with the bearer token, under the name the server gives', async () => {
    sessionStorage.setItem(
      'openmineral.session',
      JSON.stringify({ token: 'token-1', username: 'trader', roles: ['trader'], expiresAt: 4_000_000_000_000 }),
    );
    const fetch = vi.fn().mockImplementation((url: string) =>
      Promise.resolve(
        url.endsWith('/documents')
          ? json(200, [
              {
                id: 'contract',
                kind: 'CONTRACT_DRAFT',
                title: 'Contract draft C-7',
                detail: 'Standard terms',
                mediaType: 'text/markdown;charset=UTF-8',
                at: '2026-03-02T09:00:00Z',
                href: '/api/deals/d-1/documents/contract',
              },
            ])
          : new Response('# Contract C-7', {
              status: 200,
              headers: { 'Content-Type': 'text/markdown', 'Content-Disposition': `attachment; filename*=UTF-8''contract-C-7.md` },
            }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const created = vi.fn().mockReturnValue('blob:contract');
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<DealDocuments dealId="d-1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download Contract draft C-7' }));
    await waitFor(() => expect(clicked).toEqual(['contract-C-7.md']));
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/api/deals/d-1/documents/contract');
    expect(init.headers.Authorization).toBe('Bearer token-1');
    expect(await (created.mock.calls[0][0] as Blob).text()).toBe('# Contract C-7');
    click.mockRestore();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    sessionStorage.clear();
  });
});
