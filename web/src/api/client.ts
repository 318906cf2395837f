import { loadSession } from '../auth/session';
import { ApiError, problemOf } from './problem';

type TokenSource = () => string | null;
type Unauthorized = () => void;

let tokenSource: TokenSource = () => loadSession()?.token ?? null;
let onUnauthorized: Unauthorized = () => {};

/** Where requests get their bearer token, and what to do when the server refuses it (401). */
export function configureClient(tokens: TokenSource, unauthorized: Unauthorized): void {
  tokenSource = tokens;
  onUnauthorized = unauthorized;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API; resolves to the JSON body (undefined for 204), rejects with an {@link ApiError}. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, options.headers);
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: 'The server cannot be reached. Check the connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && token) onUnauthorized();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/** The same for text bodies (BPMN XML). */
export async function apiText(path: string, signal?: AbortSignal): Promise<string> {
  const token = tokenSource();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response.text();
}

/** The current bearer token, for streaming requests. */
export function currentToken(): string | null {
  return tokenSource();
}

/** A file from the API with the bearer token, and the name its Content-Disposition gives it. */
export async function apiBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const token = tokenSource();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && token) onUnauthorized();
    throw new ApiError(problem);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}
