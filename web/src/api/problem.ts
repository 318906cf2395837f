/** An RFC 9457 problem as the API answers errors, with the field it names when the input is wrong. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  field?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** An API call that failed: the problem the server sent, or one made up for a network failure. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Reads a problem from a failed response, whatever its body (problem+json, JSON, text, none). */
export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const body = JSON.parse(text);
      if (body && typeof body === 'object') {
        return { ...body, status: typeof body.status === 'number' ? body.status : response.status };
      }
    } catch {
      // not JSON: the text is the detail
    }
  }
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: text ? text.slice(0, 500) : undefined,
  };
}

/**
 * The messages of a problem by field, as the API names them ("creditLimit.amount",
 * "payables[0].element"): from `errors` when present, else from `field` with the detail, whose
 * "field: " prefix is dropped.
 */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!problem) return result;
  for (const error of problem.errors ?? []) {
    if (error?.field) result[error.field] = stripField(error.field, error.message);
  }
  if (problem.field && !(problem.field in result)) {
    result[problem.field] = stripField(problem.field, problem.detail ?? 'is not valid');
  }
  return result;
}

function stripField(field: string, message: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** One line for an alert: the detail, else the title, else the status. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const p = error.problem;
    return p.detail ?? p.title ?? `HTTP ${p.status}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
