// Reading data for a page: loading, error, and offline states in one hook. The
// last good answer of each read is kept in session storage (gone when the tab
// closes: no data left behind on a shared PC), so that a page opened without a
// network shows what was last loaded, with the time it was loaded.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { NetworkError } from './client';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T; reload: () => void; setData: (data: T) => void }
  | { state: 'stale'; data: T; savedAt: string; reload: () => void; setData: (data: T) => void }
  | { state: 'error'; error: unknown; reload: () => void };

const CACHE_PREFIX = 'od.cache:';

const readCache = <T>(key: string): { data: T; savedAt: string } | undefined => {
  try {
    const raw = sessionStorage.getItem(CACHE_PREFIX + key);
    return raw ? (JSON.parse(raw) as { data: T; savedAt: string }) : undefined;
  } catch {
    return undefined;
  }
};

const writeCache = (key: string, data: unknown): void => {
  try {
    sessionStorage.setItem(CACHE_PREFIX + key, JSON.stringify({ data, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full: the page still works, only without an offline copy.
  }
};

/** Forgets every cached read (sign-out). */
export const clearReadCache = (): void => {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith(CACHE_PREFIX)) sessionStorage.removeItem(key);
};

/**
 * Runs `load` when `key` changes (and on reload()). A NetworkError falls back to
 * the cached copy of the same key when there is one.
 */
export const useLoad = <T>(key: string, load: () => Promise<T>): Load<T> => {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setState((s) => (s.state === 'ready' || s.state === 'stale' ? s : { state: 'loading' }));
    const setData = (data: T) => {
      writeCache(key, data);
      if (live) setState({ state: 'ready', data, reload, setData });
    };
    loadRef.current().then(setData, (error: unknown) => {
      if (!live) return;
      const cached = error instanceof NetworkError ? readCache<T>(key) : undefined;
      setState(
        cached
          ? { state: 'stale', data: cached.data, savedAt: cached.savedAt, reload, setData }
          : { state: 'error', error, reload },
      );
    });
    return () => {
      live = false;
    };
  }, [key, attempt, reload]);

  return state;
};
