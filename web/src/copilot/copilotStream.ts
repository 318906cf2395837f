import type { ServerEvent } from '../live/sse';

/** A data source the copilot read, cited as [n] in its answer. */
export interface Citation {
  n: number;
  tool: string;
  source: string;
}

/** An API call the copilot proposes; nothing happens until the user makes it. */
export interface Proposal {
  title: string;
  method: string;
  path: string;
  body?: unknown;
}

/** One answer as it streams in (POST /api/copilot/chat, docs/agents.md). */
export interface CopilotAnswer {
  conversationId?: string;
  text: string;
  citations: Citation[];
  proposals: Proposal[];
  done: boolean;
  error?: { cause: string; reason: string };
}

export const EMPTY_ANSWER: CopilotAnswer = { text: '', citations: [], proposals: [], done: false };

/**
 * The answer after one more server-sent event: tokens append to the text, tools add citations,
 * proposals are listed, `done` carries the final answer (which replaces the streamed text), `error`
 * ends it with its cause. Unknown events and unreadable data leave the answer as it was.
 */
export function reduceCopilotEvent(answer: CopilotAnswer, event: ServerEvent): CopilotAnswer {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return answer;
  }
  switch (event.event) {
    case 'conversation':
      return { ...answer, conversationId: String(data.conversationId ?? '') || answer.conversationId };
    case 'token':
      return typeof data.text === 'string' ? { ...answer, text: answer.text + data.text } : answer;
    case 'tool': {
      const citation: Citation = { n: Number(data.n), tool: String(data.tool ?? ''), source: String(data.source ?? '') };
      if (!Number.isFinite(citation.n) || answer.citations.some((c) => c.n === citation.n)) return answer;
      return { ...answer, citations: [...answer.citations, citation] };
    }
    case 'proposal': {
      if (typeof data.method !== 'string' || typeof data.path !== 'string') return answer;
      const proposal: Proposal = {
        title: String(data.title ?? `${data.method} ${data.path}`),
        method: data.method.toUpperCase(),
        path: data.path,
        body: data.body,
      };
      return { ...answer, proposals: [...answer.proposals, proposal] };
    }
    case 'done':
      return {
        ...answer,
        conversationId: typeof data.conversationId === 'string' ? data.conversationId : answer.conversationId,
        text: typeof data.answer === 'string' ? data.answer : answer.text,
        done: true,
      };
    case 'error':
      return { ...answer, done: true, error: { cause: String(data.cause ?? 'ERROR'), reason: String(data.reason ?? '') } };
    default:
      return answer;
  }
}

/** Whether a proposal is a call of the OpenMineral API the web app may make for the user. */
export function isApiCall(proposal: Proposal): boolean {
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(proposal.method) && /^\/api\/[^\s]*$/.test(proposal.path)
    && !proposal.path.startsWith('/api/copilot');
}
