import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthContext';
import { EventStreamParser } from './sse';

/** A domain event as GET /api/events streams it: what changed, and which object. */
export interface DomainEvent {
  type: string;
  id: string;
  at: string;
}

type Listener = (event: DomainEvent) => void;

interface Live {
  connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ connected: false, subscribe: () => () => {} });

/**
 * Keeps one stream of GET /api/events open while signed in (fetch, since EventSource cannot send the
 * bearer token) and reconnects with a growing pause when it drops.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    let pause = 1000;
    let timer: number | undefined;
    const connect = async () => {
      try {
        const response = await fetch('/api/events', {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        setConnected(true);
        pause = 1000;
        const parser = new EventStreamParser((e) => {
          if (e.event !== 'domain') return;
          try {
            const event = JSON.parse(e.data) as DomainEvent;
            listeners.current.forEach((listener) => listener(event));
          } catch {
            // not an event of ours
          }
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch {
        // dropped or refused: try again below
      }
      setConnected(false);
      if (!controller.signal.aborted) {
        timer = window.setTimeout(connect, pause);
        pause = Math.min(pause * 2, 30000);
      }
    };
    connect();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [session]);

  const value: Live = {
    connected,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  };
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveConnected(): boolean {
  return useContext(LiveContext).connected;
}

/** Calls `refresh` (at most every 500 ms) when an event whose type starts with one of `prefixes` arrives. */
export function useLiveRefresh(prefixes: string[], refresh: () => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = prefixes.join('|');
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = live.subscribe((event) => {
      if (!key.split('|').some((p) => event.type.startsWith(p))) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), 500);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [live, key]);
}
