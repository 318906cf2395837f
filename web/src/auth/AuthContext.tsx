import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureClient } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import { loadSession, saveSession, sessionOf, type Session } from './session';

interface Auth {
  session: Session | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

/** The longest delay setTimeout keeps (a signed 32-bit number of milliseconds). */
const MAX_TIMER_MS = 2_147_483_647;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  useEffect(() => {
    configureClient(() => loadSession()?.token ?? null, signOut);
  }, [signOut]);

  // sign out when the token expires; a timer longer than 2^31 - 1 ms (about 24.8 days) would fire at
  // once, so a far expiry is checked again after that long
  useEffect(() => {
    if (!session) return;
    let timer: number;
    const arm = () => {
      const left = session.expiresAt - Date.now();
      timer = left <= 0 ? window.setTimeout(signOut, 0) : window.setTimeout(left > MAX_TIMER_MS ? arm : signOut, Math.min(left, MAX_TIMER_MS));
    };
    arm();
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback(async (username: string, password: string) => {
    let response: Response;
    try {
      response = await fetch('/api/auth/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw new ApiError({ status: 0, title: 'Network error', detail: 'The server cannot be reached.' });
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    const body = (await response.json()) as { access_token: string; expires_in: number };
    const next = sessionOf(body.access_token, body.expires_in);
    saveSession(next);
    configureClient(() => loadSession()?.token ?? null, signOut);
    setSession(next);
  }, [signOut]);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in session; only inside the signed-in layout. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('not signed in');
  return session;
}
