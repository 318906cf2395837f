import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWER, isApiCall, reduceCopilotEvent, type CopilotAnswer } from './copilotStream';
import type { ServerEvent } from '../live/sse';

function play(events: ServerEvent[]): CopilotAnswer {
  return events.reduce(reduceCopilotEvent, EMPTY_ANSWER);
}

const ev = (event: string, data: unknown): ServerEvent => ({ event, data: JSON.stringify(data) });

describe('the copilot stream', () => {
  it('appends tokens, collects citations and proposals, and ends with the final answer', () => {
    const answer = play([
      ev('conversation', { conversationId: 'c-1' }),
      ev('tool', { n: 1, tool: 'prices', source: 'market data Cu.LME 2026-01..2026-03' }),
      ev('token', { text: 'Copper ' }),
      ev('token', { text: 'rose [1].' }),
      ev('tool', { n: 1, tool: 'prices', source: 'again' }),
      ev('proposal', { title: 'Start the hedge', method: 'post', path: '/api/deals/7/cancel', body: { reason: 'x' } }),
    ]);
    expect(answer.conversationId).toBe('c-1');
    expect(answer.text).toBe('Copper rose [1].');
    expect(answer.citations).toEqual([{ n: 1, tool: 'prices', source: 'market data Cu.LME 2026-01..2026-03' }]);
    expect(answer.proposals).toEqual([{ title: 'Start the hedge', method: 'POST', path: '/api/deals/7/cancel', body: { reason: 'x' } }]);
    expect(answer.done).toBe(false);

    const done = reduceCopilotEvent(answer, ev('done', { conversationId: 'c-1', answer: 'Copper rose 3 % [1].' }));
    expect(done.done).toBe(true);
    expect(done.text).toBe('Copper rose 3 % [1].');
    expect(done.citations).toHaveLength(1);
  });

  it('ends with the cause of an error and ignores what it cannot read', () => {
    const answer = play([
      ev('token', { text: 'Partly' }),
      { event: 'token', data: 'not json' },
      ev('heartbeat', {}),
      ev('error', { cause: 'GUARDRAIL', reason: 'tool-call limit 8 reached' }),
    ]);
    expect(answer.text).toBe('Partly');
    expect(answer.done).toBe(true);
    expect(answer.error).toEqual({ cause: 'GUARDRAIL', reason: 'tool-call limit 8 reached' });
  });

  it('offers only calls of the API, never of the copilot itself', () => {
    expect(isApiCall({ title: '', method: 'POST', path: '/api/deals/1/cancel' })).toBe(true);
    expect(isApiCall({ title: '', method: 'POST', path: '/api/copilot/chat' })).toBe(false);
    expect(isApiCall({ title: '', method: 'POST', path: 'https://elsewhere.example/api' })).toBe(false);
    expect(isApiCall({ title: '', method: 'TRACE', path: '/api/deals' })).toBe(false);
  });
});
