/** The signed-in user as the token says: name, roles, expiry. */
export interface Session {
  token: string;
  username: string;
  roles: string[];
  /** Expiry in epoch milliseconds. */
  expiresAt: number;
}

const KEY = 'openmineral.session';

/** Decodes a JWT's claims (no verification: the server verifies every request). */
export function claimsOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length < 2) throw new Error('not a JWT');
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const json = new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

/** The roles at a dotted claim path, as the server reads them (a list, or names in a string). */
export function rolesOf(claims: Record<string, unknown>, path = 'roles'): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (Array.isArray(value)) return value.filter((r) => r != null).map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function sessionOf(token: string, expiresInSeconds?: number, now = Date.now()): Session {
  const claims = claimsOf(token);
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  return {
    token,
    username: String(claims.preferred_username ?? claims.sub ?? 'unknown'),
    roles: rolesOf(claims),
    expiresAt: exp ?? now + (expiresInSeconds ?? 3600) * 1000,
  };
}

/** The session kept for this browser tab, if it has not expired. */
export function loadSession(now = Date.now()): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || session.expiresAt <= now) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
