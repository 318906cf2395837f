import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopilotPage } from './CopilotPage';

vi.mock('../auth/AuthContext', () => ({ useAuth: () => ({ session: { token: 'token-of-trader' } }) }));

function sse(...events: [string, unknown][]): Response {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');
  return new Response(
    new ReadableStream({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        controller.enqueue(bytes.slice(0, 40)); // split mid-event, as a network does
        controller.enqueue(bytes.slice(40));
        controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

describe('the copilot page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('streams the answer with its sources and a proposal to confirm', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      sse(
        ['conversation', { conversationId: 'c-9' }],
        ['tool', { n: 1, tool: 'exposure', source: 'open deals by metal for desk base-metals' }],
        ['token', { text: 'Copper: 230 t long, ' }],
        ['token', { text: '200 t hedged [1].' }],
        ['proposal', { title: 'Cancel deal 7', method: 'POST', path: '/api/deals/7/cancel', body: { reason: 'duplicate' } }],
        ['done', { conversationId: 'c-9', answer: 'Copper: 230 t long, 200 t hedged [1].' }],
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<CopilotPage />);

    await userEvent.type(screen.getByLabelText('Your question'), 'What is our copper exposure?');
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('Copper: 230 t long, 200 t hedged [1].')).toBeInTheDocument();
    expect(screen.getByText('open deals by metal for desk base-metals')).toBeInTheDocument();
    expect(screen.getByText('Proposed: Cancel deal 7')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/copilot/chat');
    expect(init.headers.Authorization).toBe('Bearer token-of-trader');
    expect(JSON.parse(init.body)).toEqual({ message: 'What is our copper exposure?' });
  });

  it('says so when no model is configured', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({ type: 'https://openmineral.org/problems/no-model', title: 'No model', status: 503, detail: 'No chat model is configured (openmineral.agents.provider).' }),
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    render(<CopilotPage />);
    await userEvent.type(screen.getByLabelText('Your question'), 'Anything?');
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('The copilot is not available')).toBeInTheDocument();
    expect(screen.getByText(/No chat model is configured/)).toBeInTheDocument();
    expect(screen.getByText('No questions yet.')).toBeInTheDocument();
  });
});
