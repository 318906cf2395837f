import { afterEach, describe, expect, it } from 'vitest';
import { claimsOf, loadSession, rolesOf, saveSession, sessionOf } from './session';

function jwt(claims: Record<string, unknown>): string {
  const encode = (o: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.signature`;
}

describe('session', () => {
  afterEach(() => sessionStorage.clear());

  it('reads the user and roles from the token, base64url and non-ASCII included', () => {
    const token = jwt({ sub: 'desk-head', roles: ['desk-head'], exp: 2_000_000_000, desk: 'métaux' });
    expect(claimsOf(token).desk).toBe('métaux');
    const session = sessionOf(token);
    expect(session).toMatchObject({ username: 'desk-head', roles: ['desk-head'], expiresAt: 2_000_000_000_000 });
  });

  it('prefers preferred_username and reads nested or space-separated roles like the server', () => {
    expect(rolesOf({ realm_access: { roles: ['risk', 'admin'] } }, 'realm_access.roles')).toEqual(['risk', 'admin']);
    expect(rolesOf({ roles: 'trader, auditor' })).toEqual(['trader', 'auditor']);
    expect(rolesOf({})).toEqual([]);
    expect(sessionOf(jwt({ sub: 'u-1', preferred_username: 'alice' })).username).toBe('alice');
  });

  it('keeps the session for the tab and forgets it once expired', () => {
    const session = sessionOf(jwt({ sub: 'trader', roles: ['trader'], exp: 1000 }));
    saveSession(session);
    expect(loadSession(999_000)).toEqual(session);
    expect(loadSession(1_000_001)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
