// "Load more" on a list read with the API's cursor: the pages after the first
// (which useLoad reads), kept per list key so that a change of filters starts
// again from its own first page.
import { useState } from 'preact/hooks';

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface More<T> {
  /** The first page's items, then every page loaded after it. */
  items: T[];
  /** The cursor of the page after the last one shown; null at the end. */
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  loadMore: () => Promise<void>;
  /** Forgets the pages after the first (a refresh). */
  reset: () => void;
}

export const useMore = <T>(
  key: string,
  first: CursorPage<T> | undefined,
  fetchPage: (cursor: string) => Promise<CursorPage<T>>,
): More<T> => {
  const [more, setMore] = useState<{ key: string; items: T[]; nextCursor: string | null }>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const extra = more?.key === key ? more : undefined;
  const nextCursor = extra ? extra.nextCursor : (first?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(nextCursor);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor ?? null });
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  return {
    items: first ? [...first.items, ...(extra?.items ?? [])] : [],
    nextCursor,
    loading,
    error,
    loadMore,
    reset: () => setMore(undefined),
  };
};
