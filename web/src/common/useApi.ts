import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (null: nothing to load), again on `reload()` and when the path changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(path != null);
  const [generation, setGeneration] = useState(0);
  const current = useRef<AbortController | null>(null);

  useEffect(() => {
    if (path == null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    current.current?.abort();
    current.current = controller;
    setLoading(true);
    api<T>(path, { signal: controller.signal })
      .then((body) => {
        if (controller.signal.aborted) return;
        setData(body);
        setError(undefined);
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
